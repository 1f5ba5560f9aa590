package kz.senim.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
import kz.senim.intake.Reports.SaveOutcome;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.intake.SubmissionOutcome.KeyReused;
import kz.senim.triage.Triage;
import kz.senim.triage.TriageDecision;
import kz.senim.triage.TriageFacts;

/**
 * A victim or witness submits a report. Triage decides severity and recipients; the report, one alert per recipient
 * and the idempotency record are stored together, so a report is never stored without its alerts, and a retry with
 * the same {@link IdempotencyKey} returns the first answer and stores nothing new.
 */
public final class SubmitReport {

    /** How long a retry can still get the first answer (and its receipt) back. */
    public static final Duration REPLAY_WINDOW = Duration.ofHours(24);
    private static final int REFERENCE_ATTEMPTS = 3;

    private final Reports reports;
    private final Triage triage;
    private final SafetyAdvice safetyAdvice;
    private final ReceiptHasher receiptHasher;
    private final ReceiptSeal receiptSeal;
    private final SecureRandom random;
    private final Clock clock;

    public SubmitReport(Reports reports, Triage triage, SafetyAdvice safetyAdvice, ReceiptHasher receiptHasher,
            SecureRandom random, Clock clock) {
        this.reports = reports;
        this.triage = triage;
        this.safetyAdvice = safetyAdvice;
        this.receiptHasher = receiptHasher;
        this.receiptSeal = new ReceiptSeal(random);
        this.random = random;
        this.clock = clock;
    }

    public SubmissionOutcome submit(IdempotencyKey key, ReportSubmission submission) {
        String keyHash = key.hash();
        String requestHash = RequestFingerprint.of(submission);
        // No read first: the transaction itself finds a live record of the key (most submissions are first tries,
        // so this saves a round trip on each; a retry pays for the refused transaction, then reads the record).
        TriageDecision decision = triage.triage(TriageFacts.of(submission));
        Receipt receipt = Receipt.random(random);
        String receiptHash = receiptHasher.hash(receipt);
        for (int attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Reference reference = Reference.random(random);
            Report report = new Report(reference, submission, decision.severity(), CaseStatus.RECEIVED, receiptHash,
                    now, now);
            List<Alert> alerts = decision.recipients().stream()
                    .map(o -> Alert.of(reference, o.id(), submission.region(), submission.category(),
                            decision.severity(), now))
                    .toList();
            IdempotencyRecord record = new IdempotencyRecord(keyHash, requestHash, reference,
                    receiptSeal.seal(receipt, key), now.plus(REPLAY_WINDOW));
            SaveOutcome saved = reports.saveNew(report, alerts, record);
            switch (saved) {
                case SaveOutcome.Saved s -> {
                    return accepted(reference, receipt, CaseStatus.RECEIVED, submission, false);
                }
                case SaveOutcome.KeyTaken k -> {
                    Optional<IdempotencyRecord> winner = live(reports.idempotencyRecord(keyHash));
                    if (winner.isPresent()) {
                        return replay(winner.get(), key, requestHash, submission);
                    }
                    // it expired between the write and the read: the key is free again, try again
                }
                case SaveOutcome.ReferenceTaken r -> {
                    // try again with another random reference
                }
            }
        }
        throw new IllegalStateException("no free reference after " + REFERENCE_ATTEMPTS + " attempts");
    }

    private Optional<IdempotencyRecord> live(Optional<IdempotencyRecord> record) {
        Instant now = clock.instant();
        return record.filter(r -> r.expiresAt().isAfter(now));
    }

    private SubmissionOutcome replay(IdempotencyRecord record, IdempotencyKey key, String requestHash,
            ReportSubmission submission) {
        if (!record.requestHash().equals(requestHash)) {
            return new KeyReused();
        }
        Receipt receipt = receiptSeal.open(record.sealedReceipt(), key)
                .orElseThrow(() -> new IllegalStateException("sealed receipt cannot be opened with its own key"));
        CaseStatus status = reports.find(record.reference()).map(Report::status).orElse(CaseStatus.RECEIVED);
        return accepted(record.reference(), receipt, status, submission, true);
    }

    private Accepted accepted(Reference reference, Receipt receipt, CaseStatus status, ReportSubmission submission,
            boolean replayed) {
        return new Accepted(reference, receipt, status,
                safetyAdvice.forRegion(submission.region(), submission.language()), replayed);
    }
}
