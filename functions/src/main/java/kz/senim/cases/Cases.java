package kz.senim.cases;

import java.util.List;
import java.util.Optional;

/** Cases as responders and coordinators work them. */
public interface Cases {

    Optional<CaseFile> find(Reference reference);

    /** A region's queue, oldest first, filtered, one page at a time. */
    QueuePage queue(QueueQuery query);

    /**
     * Stores {@code changed} if the stored case is still at {@code changed.version() - 1}, together with the audit
     * entry, in one transaction.
     */
    SaveOutcome save(CaseFile changed, AuditEntry entry);

    record QueueQuery(RegionCode region, Optional<CaseStatus> status, Optional<Severity> severity,
            Optional<Category> category, int limit, Optional<String> cursor) {
    }

    record QueuePage(List<CaseFile> cases, Optional<String> nextCursor) {
        public QueuePage {
            cases = List.copyOf(cases);
        }
    }

    sealed interface SaveOutcome {
        record Saved() implements SaveOutcome { }

        /** Someone changed the case first; nothing was written. Re-read and try again. */
        record VersionConflict() implements SaveOutcome { }
    }
}
