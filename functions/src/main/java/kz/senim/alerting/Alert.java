package kz.senim.alerting;

import java.time.Instant;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.Severity;
import kz.senim.regions.RegionCode;

/**
 * One organisation's alert about one report: written to the outbox with the report, then published. Its id is the
 * dedup key downstream (reference + organisation), so an alert published twice is recognisably the same alert.
 */
public record Alert(
        String alertId,
        Reference reference,
        String organisationId,
        RegionCode region,
        Category category,
        Severity severity,
        Instant createdAt) {

    public static Alert of(Reference reference, String organisationId, RegionCode region, Category category,
            Severity severity, Instant createdAt) {
        return new Alert(reference.value() + "." + organisationId, reference, organisationId, region, category,
                severity, createdAt);
    }
}
