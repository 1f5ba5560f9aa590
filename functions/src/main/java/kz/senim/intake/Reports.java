package kz.senim.intake;

import java.util.List;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.Reference;

/** Where reports are kept. */
public interface Reports {

    /**
     * Stores the report, its alerts (the outbox) and the idempotency record all at once, or none of them.
     */
    SaveOutcome saveNew(Report report, List<Alert> alerts, IdempotencyRecord idempotencyRecord);

    Optional<IdempotencyRecord> idempotencyRecord(String keyHash);

    /** The report, while its reporter can come back to it: none once its receipt was erased. */
    Optional<Report> find(Reference reference);

    sealed interface SaveOutcome {
        /** Everything was written. */
        record Saved() implements SaveOutcome { }

        /** Another request with the same idempotency key got there first; nothing was written. */
        record KeyTaken() implements SaveOutcome { }

        /** The random reference already exists (astronomically rare); nothing was written. */
        record ReferenceTaken() implements SaveOutcome { }
    }
}
