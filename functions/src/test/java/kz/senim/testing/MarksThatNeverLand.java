package kz.senim.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.senim.alerting.AlertClaims;
import kz.senim.cases.Alert;

/**
 * Real claims whose marks never land, as when the dispatcher dies (or DynamoDB goes away) right after the channel
 * took the message: claims, releases and failures go through, every mark fails.
 */
public record MarksThatNeverLand(AlertClaims claims) implements AlertClaims {

    @Override
    public ClaimOutcome claim(Alert alert, Instant now, Duration lease) {
        return claims.claim(alert, now, lease);
    }

    @Override
    public List<ClaimOutcome> claimAll(List<Alert> alerts, Instant now, Duration lease) {
        return claims.claimAll(alerts, now, lease);
    }

    @Override
    public void markPublished(Alert alert, String messageId, Instant publishedAt) {
        throw new IllegalStateException("test: the mark never lands");
    }

    @Override
    public void markAll(List<Settled> settled) {
        throw new IllegalStateException("test: the mark never lands");
    }

    @Override
    public void release(Alert alert) {
        claims.release(alert);
    }

    @Override
    public void fail(Alert alert, String errorClass, Instant at) {
        claims.fail(alert, errorClass, at);
    }
}
