package kz.senim.testing;

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

/** Reports in memory, all-or-nothing like the DynamoDB transaction; can be told to be unavailable. */
public final class InMemoryReports implements Reports {

    private final Map<Reference, Report> reports = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    private boolean unavailable;

    @Override
    public synchronized SaveOutcome saveNew(Report report, List<Alert> newAlerts, IdempotencyRecord record) {
        failIfUnavailable();
        IdempotencyRecord existing = idempotency.get(record.keyHash());
        if (existing != null && existing.expiresAt().isAfter(report.submittedAt())) {
            return new SaveOutcome.KeyTaken();
        }
        if (reports.containsKey(report.reference())) {
            return new SaveOutcome.ReferenceTaken();
        }
        reports.put(report.reference(), report);
        alerts.addAll(newAlerts);
        idempotency.put(record.keyHash(), record);
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
        return Optional.ofNullable(reports.get(reference));
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
