package kz.senim.handling;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;
import kz.senim.directory.Directory;
import kz.senim.directory.OrganisationNames;

/**
 * A coordinator reads who did what to a case. Reading the trail is itself written to it first. The organisations of
 * its actors are named from one read of the directory.
 */
public final class ReadCaseAudit {

    public static final String AUDIT_ACTION = "audit_read";

    private final Cases cases;
    private final CaseAccess access;
    private final AuditTrail audit;
    private final Directory directory;
    private final Clock clock;

    public ReadCaseAudit(Cases cases, CaseAccess access, AuditTrail audit, Directory directory, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /** @throws kz.senim.access.Forbidden unless the caller coordinates */
    public Outcome read(Caller caller, String referenceText) {
        CaseAccess.requireCoordinator(caller, "read a case's audit trail");
        Optional<CaseFile> found = access.visible(caller, Reference.parse(referenceText).flatMap(cases::find));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        access.requireCasework(caller, found.get(), "read the audit trail of a case it only provides a service for");
        Reference reference = found.get().reference();
        audit.record(new AuditEntry(reference, clock.instant(), caller.actor(), AUDIT_ACTION, Map.of()));
        return new Outcome.Found(reference, audit.entries(reference).stream()
                .sorted(Comparator.comparing(AuditEntry::at))
                .toList(), OrganisationNames.of(directory));
    }

    public sealed interface Outcome {
        /**
         * The trail in time order (entries of the same instant in the order the store keeps them), and the names of
         * the organisations it mentions (those the directory knows).
         */
        record Found(Reference reference, List<AuditEntry> entries, OrganisationNames names) implements Outcome {
            public Found {
                entries = List.copyOf(entries);
            }
        }

        /** Unknown reference, or a case outside the caller's scope: deliberately the same answer. */
        record NotFound() implements Outcome { }
    }
}
