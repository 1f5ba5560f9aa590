package kz.senim.alerting;

import java.time.Duration;
import java.time.Instant;
import kz.senim.cases.Alert;

/**
 * Who is publishing an alert, and whether it has been published: what makes a redelivered stream record, or two
 * dispatchers racing, publish nothing twice.
 */
public interface AlertClaims {

    /** Takes the alert for {@code lease}, unless it is already published or another dispatcher holds it. */
    ClaimOutcome claim(Alert alert, Instant now, Duration lease);

    void markPublished(Alert alert, String messageId, Instant publishedAt);

    /** Gives a claim back after a failed publication, so the retry need not wait for the lease to run out. */
    void release(Alert alert);

    sealed interface ClaimOutcome {
        record Claimed() implements ClaimOutcome { }

        record AlreadyPublished() implements ClaimOutcome { }

        record HeldByAnother(Instant until) implements ClaimOutcome { }
    }
}
