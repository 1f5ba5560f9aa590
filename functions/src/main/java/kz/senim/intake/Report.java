package kz.senim.intake;

import java.time.Instant;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.Severity;

/** A stored report: what was submitted, how triage judged it, where it stands, and the receipt's hash. */
public record Report(
        Reference reference,
        ReportSubmission submission,
        Severity severity,
        CaseStatus status,
        String receiptHash,
        Instant submittedAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "Report[" + reference + ", " + severity + ", " + status + "]";
    }
}
