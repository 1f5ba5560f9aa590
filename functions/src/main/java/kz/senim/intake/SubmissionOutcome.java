package kz.senim.intake;

import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;

/** What submitting a report came to. */
public sealed interface SubmissionOutcome {

    /**
     * The report is stored and its alerts are on their way.
     *
     * @param replayed true when this answers a retry of a submission already stored
     */
    record Accepted(Reference reference, Receipt receipt, CaseStatus status, SafetyInformation safety,
            boolean replayed) implements SubmissionOutcome {
    }

    /** The idempotency key was already used for a different report; nothing was stored. */
    record KeyReused() implements SubmissionOutcome {
    }
}
