package kz.senim.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.Severity;
import kz.senim.intake.IdempotencyRecord;
import kz.senim.intake.Receipt;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.Report;
import kz.senim.intake.Reports;

/**
 * One reported case as both sides see it: the reporter's {@link Report} (found with the receipt) in
 * {@link InMemoryReports} and the responders' {@link CaseFile} in {@link InMemoryCases}, under the same reference.
 */
public final class ReportedCases {

    private final InMemoryReports reports;
    private final InMemoryCases cases;
    private final ReceiptHasher hasher;
    private final SecureRandom random;

    public ReportedCases(InMemoryReports reports, InMemoryCases cases, ReceiptHasher hasher, SecureRandom random) {
        this.reports = reports;
        this.cases = cases;
        this.hasher = hasher;
        this.random = random;
    }

    /** What the reporter holds, and the case responders see. */
    public record ReportedCase(Reference reference, Receipt receipt, CaseFile file) {
    }

    /** The victim's report in Almaty, alerted to the commission and the Almaty shelter, in {@code status}. */
    public ReportedCase inAlmaty(CaseStatus status, Instant submittedAt) {
        Reference reference = Reference.random(random);
        Receipt receipt = Receipt.random(random);
        ReportSubmission submission = Submissions.victimInAlmaty();
        Report report = new Report(reference, submission, Severity.MEDIUM, status, hasher.hash(receipt),
                submittedAt, submittedAt);
        Reports.SaveOutcome saved = reports.saveNew(report, List.of(), new IdempotencyRecord(
                "key-" + reference.value(), "request", reference, "sealed", submittedAt.plusSeconds(86_400)));
        if (!(saved instanceof Reports.SaveOutcome.Saved)) {
            throw new IllegalStateException("test report not stored: " + saved);
        }
        CaseFile received = CaseFiles.receivedInAlmaty(reference.value(), submittedAt);
        CaseFile file = new CaseFile(reference, received.submission(), received.severity(), status, 1,
                Optional.empty(), Optional.empty(), received.involvedOrganisations(), Optional.empty(),
                Optional.empty(), submittedAt, submittedAt);
        cases.add(file);
        return new ReportedCase(reference, receipt, file);
    }
}
