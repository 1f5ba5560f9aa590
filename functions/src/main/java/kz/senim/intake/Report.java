package kz.senim.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
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

    /** The report as the case it opens, with the organisations its alerts go to involved. */
    public CaseFile asNewCase(Collection<String> involvedOrganisations) {
        return new CaseFile(reference, submission, severity, status, 1, Optional.empty(), Optional.empty(),
                Set.copyOf(involvedOrganisations), Optional.empty(), Optional.empty(), submittedAt, updatedAt);
    }

    /** The report a stored case was opened from. */
    public static Report of(CaseFile file, String receiptHash) {
        return new Report(file.reference(), file.submission(), file.severity(), file.status(), receiptHash,
                file.submittedAt(), file.updatedAt());
    }

    @Override
    public String toString() {
        return "Report[" + reference + ", " + severity + ", " + status + "]";
    }
}
