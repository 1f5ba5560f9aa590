package kz.senim.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kz.senim.alerting.AlertClaims;
import kz.senim.cases.Alert;

/**
 * Claims in memory with the same rules as the conditional update in DynamoDB ({@code AlertClaimsContract}): only
 * alerts of the outbox ({@link #add}) are claimed, and leases are kept to the millisecond.
 */
public final class InMemoryAlertClaims implements AlertClaims {

    private final Set<String> outbox = new HashSet<>();
    private final Map<String, Instant> leases = new HashMap<>();
    private final Map<String, String> published = new HashMap<>();

    /** Claims over an outbox that holds {@code alerts}. */
    public static InMemoryAlertClaims withOutbox(Alert... alerts) {
        InMemoryAlertClaims claims = new InMemoryAlertClaims();
        for (Alert alert : alerts) {
            claims.add(alert);
        }
        return claims;
    }

    /** Puts {@code alert} in the outbox, as intake does; returns it. */
    public synchronized Alert add(Alert alert) {
        outbox.add(alert.alertId());
        return alert;
    }

    @Override
    public synchronized ClaimOutcome claim(Alert alert, Instant now, Duration lease) {
        if (!outbox.contains(alert.alertId())) {
            throw new IllegalStateException("alert outbox item is missing: " + alert.alertId());
        }
        if (published.containsKey(alert.alertId())) {
            return new ClaimOutcome.AlreadyPublished();
        }
        Instant until = leases.get(alert.alertId());
        if (until != null && !until.isBefore(now.truncatedTo(ChronoUnit.MILLIS))) {
            return new ClaimOutcome.HeldByAnother(until);
        }
        leases.put(alert.alertId(), now.plus(lease).truncatedTo(ChronoUnit.MILLIS));
        return new ClaimOutcome.Claimed();
    }

    @Override
    public synchronized void markPublished(Alert alert, String messageId, Instant publishedAt) {
        published.put(alert.alertId(), messageId);
        leases.remove(alert.alertId());
    }

    @Override
    public synchronized void release(Alert alert) {
        leases.remove(alert.alertId());
    }

    public synchronized boolean isPublished(Alert alert) {
        return published.containsKey(alert.alertId());
    }
}
