package kz.senim.access;

import java.util.Optional;
import kz.senim.cases.CaseFile;
import kz.senim.cases.RegionCode;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.directory.OrganisationType;

/**
 * Who may see a case, and how far:
 * <ul>
 *   <li>national scope (a {@code national_coordinator} of the national secretariat, by its directory type): every
 *   case, for all case work;</li>
 *   <li>an organisation that serves the case's region and was alerted or escalated to: the case, for all case work
 *   its role allows;</li>
 *   <li>the provider of an open referral of the case (in progress, accepted or done; not once it is rejected, revoked
 *   or closed): the case with its narrative and conversation, to serve the person, but none of the case work;</li>
 *   <li>anyone else: nothing, answered as if the case did not exist.</li>
 * </ul>
 * A {@code national_coordinator} role in any other organisation is that organisation's coordinator, no more: the role
 * is an attribute administrators set, the directory type is not.
 */
public final class CaseAccess {

    /** How far a caller reaches into a case. */
    public enum Reach {
        /** Not at all: the case is answered as unknown. */
        NONE,
        /** As the provider of an open referral: reads the case and talks to the reporter, changes nothing else. */
        PROVIDER,
        /** As an organisation responsible for the case, or with national scope: all case work the role allows. */
        CASEWORK
    }

    private final Directory directory;

    public CaseAccess(Directory directory) {
        this.directory = directory;
    }

    /** A national coordinator of an organisation whose directory type is {@code national_secretariat}. */
    public boolean national(Caller caller) {
        return caller.role() == Role.NATIONAL_COORDINATOR && directory.organisation(caller.organisationId())
                .map(organisation -> organisation.type() == OrganisationType.NATIONAL_SECRETARIAT)
                .orElse(false);
    }

    /** Whether the caller may look at cases of {@code region} at all: national scope, or its organisation serves it. */
    public boolean servesRegion(Caller caller, RegionCode region) {
        return national(caller) || directory.organisation(caller.organisationId())
                .map(organisation -> organisation.serves(region)).orElse(false);
    }

    public Reach reach(Caller caller, CaseFile file) {
        if (national(caller)) {
            return Reach.CASEWORK;
        }
        Optional<Organisation> organisation = directory.organisation(caller.organisationId());
        if (organisation.isEmpty()) {
            return Reach.NONE;
        }
        if (organisation.get().serves(file.region())
                && file.involvedOrganisations().contains(caller.organisationId())) {
            return Reach.CASEWORK;
        }
        return file.referralHeldBy(caller.organisationId()) ? Reach.PROVIDER : Reach.NONE;
    }

    public boolean canSee(Caller caller, CaseFile file) {
        return reach(caller, file) != Reach.NONE;
    }

    /** The case if the caller may see it; empty otherwise, indistinguishable from an unknown reference. */
    public Optional<CaseFile> visible(Caller caller, Optional<CaseFile> file) {
        return file.filter(f -> canSee(caller, f));
    }

    /** @throws Forbidden unless the caller reaches the case for case work (not only as a referral's provider) */
    public void requireCasework(Caller caller, CaseFile file, String action) {
        if (reach(caller, file) != Reach.CASEWORK) {
            throw new Forbidden(action);
        }
    }

    /** @throws Forbidden unless the caller coordinates (regional or national coordinator) */
    public static void requireCoordinator(Caller caller, String action) {
        if (!caller.role().coordinates()) {
            throw new Forbidden(action);
        }
    }
}
