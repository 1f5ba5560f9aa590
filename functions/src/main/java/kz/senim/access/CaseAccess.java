package kz.senim.access;

import java.util.Optional;
import kz.senim.cases.CaseFile;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;

/**
 * Who may see a case: national coordinators all; anyone else when their organisation serves the case's region and
 * is involved in it (alerted, escalated to, referred to). Everything else is answered as if the case did not exist.
 */
public final class CaseAccess {

    private final Directory directory;

    public CaseAccess(Directory directory) {
        this.directory = directory;
    }

    public boolean canSee(Caller caller, CaseFile file) {
        if (caller.role() == Role.NATIONAL_COORDINATOR) {
            return true;
        }
        Optional<Organisation> organisation = directory.organisation(caller.organisationId());
        return organisation.isPresent()
                && organisation.get().serves(file.region())
                && file.involvedOrganisations().contains(caller.organisationId());
    }

    /** The case if the caller may see it; empty otherwise, indistinguishable from an unknown reference. */
    public Optional<CaseFile> visible(Caller caller, Optional<CaseFile> file) {
        return file.filter(f -> canSee(caller, f));
    }

    /** @throws Forbidden unless the caller coordinates (regional or national coordinator) */
    public static void requireCoordinator(Caller caller, String action) {
        if (!caller.role().coordinates()) {
            throw new Forbidden(action);
        }
    }
}
