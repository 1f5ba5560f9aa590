package kz.senim.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kz.senim.alerting.AlertClaims.ClaimOutcome;
import kz.senim.cases.Alert;

/** Publishes an alert from the outbox exactly once as far as Senim can tell (claim, publish, mark). */
public final class DispatchAlerts {

    /** Longer than a publication can take, short enough that a crashed dispatcher's alert is retried soon. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final AlertClaims claims;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final AcknowledgeUrls acknowledgeUrls;

    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, Clock clock) {
        this(claims, publisher, clock, alert -> Optional.empty());
    }

    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, Clock clock, AcknowledgeUrls acknowledgeUrls) {
        this.claims = claims;
        this.publisher = publisher;
        this.clock = clock;
        this.acknowledgeUrls = acknowledgeUrls;
    }

    /** The link a responder follows to acknowledge an alert without signing in (one-time, expiring); may be none. */
    @FunctionalInterface
    public interface AcknowledgeUrls {
        Optional<String> forAlert(Alert alert);
    }

    public sealed interface Outcome {
        /** {@code withAcknowledgeLink} false when the message went out without its link (no key, no base URL). */
        record Published(String messageId, boolean withAcknowledgeLink) implements Outcome { }

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
        AlertMessage message = new AlertMessage(alert, acknowledgeUrl(alert));
        try {
            messageId = publisher.publish(message);
        } catch (RuntimeException failure) {
            claims.release(alert);
            throw failure instanceof AlertNotDelivered notDelivered
                    ? notDelivered : new AlertNotDelivered("alert channel failed", failure);
        }
        claims.markPublished(alert, messageId, clock.instant());
        return new Outcome.Published(messageId, message.acknowledgeUrl().isPresent());
    }

    /** The link is a convenience: when it cannot be made (its key is out of reach), the alert goes out without it. */
    private Optional<String> acknowledgeUrl(Alert alert) {
        try {
            return acknowledgeUrls.forAlert(alert);
        } catch (RuntimeException linkNotMade) {
            return Optional.empty();
        }
    }
}
