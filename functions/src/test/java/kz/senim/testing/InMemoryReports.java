package kz.senim.testing;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.intake.IdempotencyRecord;
import kz.senim.intake.Report;
import kz.senim.intake.Reports;

/**
 * Reports in memory, all-or-nothing like the DynamoDB transaction ({@code ReportsContract}): an idempotency record is
 * kept in whole seconds and taken over once it has expired by the given clock; a report whose receipt was erased is
 * found no more; can be told to be unavailable.
 */
public final class InMemoryReports implements Reports {

    private final Clock clock;

    private final Map<Reference, Report> reports = new HashMap<>();
    private final java.util.Set<Reference> receiptsErased = new java.util.HashSet<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    private boolean unavailable;

    /** @param clock what judges whether an idempotency record has expired, as the adapter's clock does */
    public InMemoryReports(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized SaveOutcome saveNew(Report report, List<Alert> newAlerts, IdempotencyRecord record) {
        failIfUnavailable();
        IdempotencyRecord existing = idempotency.get(record.keyHash());
        if (existing != null && existing.expiresAt().getEpochSecond() > clock.instant().getEpochSecond()) {
            return new SaveOutcome.KeyTaken();
        }
        if (reports.containsKey(report.reference())) {
            return new SaveOutcome.ReferenceTaken();
        }
        reports.put(report.reference(), report);
        alerts.addAll(newAlerts);
        idempotency.put(record.keyHash(), new IdempotencyRecord(record.keyHash(), record.requestHash(),
                record.reference(), record.sealedReceipt(), record.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        return new SaveOutcome.Saved();
    }

    @Override
    public synchronized Optional<IdempotencyRecord> idempotencyRecord(String keyHash) {
        failIfUnavailable();
        return Optional.ofNullable(idempotency.get(keyHash));
    }

    @Override
    public synchronized Optional<Report> find(Reference reference) {
        failIfUnavailable();
        return Optional.ofNullable(reports.get(reference)).filter(report -> !receiptsErased.contains(reference));
    }

    /** The report's receipt is erased, as an erasure erases it: its reporter cannot find it any more. */
    public synchronized void eraseReceipt(Reference reference) {
        receiptsErased.add(reference);
    }

    public synchronized List<Report> reports() {
        return List.copyOf(reports.values());
    }

    public synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    public synchronized void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private void failIfUnavailable() {
        if (unavailable) {
            throw new StorageUnavailable("test: storage unavailable", null);
        }
    }
}
