package kz.senim.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import kz.senim.alerting.AlertClaims;
import kz.senim.cases.Alert;

/** Claims in memory with the same rules as the conditional update in DynamoDB. */
public final class InMemoryAlertClaims implements AlertClaims {

    private final Map<String, Instant> leases = new HashMap<>();
    private final Map<String, String> published = new HashMap<>();

    @Override
    public synchronized ClaimOutcome claim(Alert alert, Instant now, Duration lease) {
        if (published.containsKey(alert.alertId())) {
            return new ClaimOutcome.AlreadyPublished();
        }
        Instant until = leases.get(alert.alertId());
        if (until != null && !until.isBefore(now)) {
            return new ClaimOutcome.HeldByAnother(until);
        }
        leases.put(alert.alertId(), now.plus(lease));
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
