package kz.senim.cases;

import java.time.Instant;

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
