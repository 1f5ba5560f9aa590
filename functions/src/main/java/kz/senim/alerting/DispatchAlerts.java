package kz.senim.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kz.senim.alerting.AlertClaims.ClaimOutcome;

/** Publishes an alert from the outbox exactly once as far as Senim can tell (claim, publish, mark). */
public final class DispatchAlerts {

    /** Longer than a publication can take, short enough that a crashed dispatcher's alert is retried soon. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final AlertClaims claims;
    private final AlertPublisher publisher;
    private final Clock clock;

    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, Clock clock) {
        this.claims = claims;
        this.publisher = publisher;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Published(String messageId) implements Outcome { }

        record AlreadyPublished() implements Outcome { }

        /** Another dispatcher holds the alert; retry after its lease. */
        record Deferred(Instant until) implements Outcome { }
    }

    /** @throws AlertNotDelivered when the channel failed; the claim is released for the retry */
    public Outcome dispatch(Alert alert) {
        Instant now = clock.instant();
        return switch (claims.claim(alert, now, LEASE)) {
            case ClaimOutcome.AlreadyPublished a -> new Outcome.AlreadyPublished();
            case ClaimOutcome.HeldByAnother held -> new Outcome.Deferred(held.until());
            case ClaimOutcome.Claimed c -> publish(alert);
        };
    }

    private Outcome publish(Alert alert) {
        String messageId;
        try {
            messageId = publisher.publish(new AlertMessage(alert));
        } catch (RuntimeException failure) {
            claims.release(alert);
            throw failure instanceof AlertNotDelivered notDelivered
                    ? notDelivered : new AlertNotDelivered("alert channel failed", failure);
        }
        claims.markPublished(alert, messageId, clock.instant());
        return new Outcome.Published(messageId);
    }
}
