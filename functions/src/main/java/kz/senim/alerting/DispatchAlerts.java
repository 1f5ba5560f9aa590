package kz.senim.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kz.senim.alerting.AlertClaims.ClaimOutcome;
import kz.senim.alerting.AlertClaims.Settled;
import kz.senim.alerting.PagingWindows.Decision;
import kz.senim.cases.Alert;
import kz.senim.cases.Failures;
import kz.senim.directory.PagingLimit;

/**
 * Publishes alerts from the outbox exactly once as far as Senim can tell: claim, publish, mark. The alerts of a batch
 * are claimed together and marked together. Each claimed alert is a page of its own, or, once its organisation was
 * paged its limit of times within its window, the window's digest or counted in it ({@link PagingWindows}).
 *
 * <p>A notice ({@link Alert#isNotice()}: an erasure due, referrals revoked) is no page: it is never counted in a
 * window nor coalesced into a digest, whose text counts new reports and would swallow it unsaid. It goes out as a
 * message of its own, at low severity (a subscription's filter policy may send it to e-mail only), without an
 * acknowledgement link.
 */
public final class DispatchAlerts {

    /**
     * Longer than any invocation that publishes may run (the dispatcher's and the sweeper's Timeout in the template,
     * checked by a test): a claim is never taken over while its holder may still publish.
     */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private final AlertClaims claims;
    private final AlertPublisher publisher;
    private final PagingWindows paging;
    private final Function<String, PagingLimit> limits;
    private final Clock clock;
    private final AcknowledgeUrls acknowledgeUrls;
    private final MessageComposer composer;

    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, Clock clock) {
        this(claims, publisher, clock, alert -> Optional.empty());
    }

    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, Clock clock, AcknowledgeUrls acknowledgeUrls) {
        this(claims, publisher, clock, acknowledgeUrls, AlertMessage::new);
    }

    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, Clock clock, AcknowledgeUrls acknowledgeUrls,
            MessageComposer composer) {
        this(claims, publisher, PagingWindows.UNLIMITED, organisation -> PagingLimit.DEFAULT, clock, acknowledgeUrls,
                composer);
    }

    /** @param limits each organisation's paging limit (the directory's) */
    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, PagingWindows paging,
            Function<String, PagingLimit> limits, Clock clock, AcknowledgeUrls acknowledgeUrls) {
        this(claims, publisher, paging, limits, clock, acknowledgeUrls, AlertMessage::new);
    }

    /**
     * @param limits   each organisation's paging limit (the directory's)
     * @param composer writes each message: its JSON for machines and its texts for people ({@link AlertComposer})
     */
    public DispatchAlerts(AlertClaims claims, AlertPublisher publisher, PagingWindows paging,
            Function<String, PagingLimit> limits, Clock clock, AcknowledgeUrls acknowledgeUrls,
            MessageComposer composer) {
        this.claims = claims;
        this.publisher = publisher;
        this.paging = paging;
        this.limits = limits;
        this.clock = clock;
        this.acknowledgeUrls = acknowledgeUrls;
        this.composer = composer;
    }

    /** The link a responder follows to acknowledge an alert without signing in (one-time, expiring); may be none. */
    @FunctionalInterface
    public interface AcknowledgeUrls {
        Optional<String> forAlert(Alert alert);
    }

    /** Writes the message of an alert (or of its window's digest): its JSON for machines and its texts for people. */
    @FunctionalInterface
    public interface MessageComposer {
        AlertMessage compose(Alert alert, Optional<String> acknowledgeUrl, Optional<Decision.Digest> digest);
    }

    public sealed interface Outcome {
        /** {@code withAcknowledgeLink} false when the message went out without its link (no key, no base URL). */
        record Published(String messageId, boolean withAcknowledgeLink) implements Outcome { }

        /** Published as the digest of its organisation's window, standing for {@code count} reports. */
        record PublishedAsDigest(String messageId, int count) implements Outcome { }

        /** Counted in the digest alert {@code digestAlertId} carries; no page of its own. */
        record Coalesced(String digestAlertId) implements Outcome { }

        /** Published or coalesced before: nothing was sent. */
        record AlreadyPublished() implements Outcome { }

        /**
         * Another dispatcher holds the alert until {@code until}; if it never publishes, the sweeper takes the alert
         * after that. Not a failure.
         */
        record Deferred(Instant until) implements Outcome { }

        /**
         * The channel took the message but marking it published failed: the claim stays until {@code heldUntil}, so
         * nobody publishes it again before; after that the sweeper may, with the same {@code alertId}.
         */
        record PublishedNotMarked(String messageId, Instant heldUntil) implements Outcome { }

        /** The channel (or the store) failed; {@code errorClass} names the failure, never its message. */
        record NotDelivered(String errorClass) implements Outcome { }
    }

    /** One alert and what became of it. */
    public record Dispatched(Alert alert, Outcome outcome) {
    }

    /**
     * Dispatches one alert.
     *
     * @throws AlertNotDelivered when the channel failed; the claim is released for the retry
     */
    public Outcome dispatch(Alert alert) {
        Outcome outcome = dispatchAll(List.of(alert)).getFirst().outcome();
        if (outcome instanceof Outcome.NotDelivered notDelivered) {
            throw new AlertNotDelivered("alert channel failed: " + notDelivered.errorClass(), null);
        }
        return outcome;
    }

    /** Dispatches several alerts (a stream batch, a sweep); one alert's failure never holds up another. */
    public List<Dispatched> dispatchAll(List<Alert> batch) {
        Map<String, Alert> distinct = new LinkedHashMap<>();
        batch.forEach(alert -> distinct.putIfAbsent(alert.alertId(), alert));
        List<Alert> alerts = List.copyOf(distinct.values());
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Instant now = clock.instant();
        List<ClaimOutcome> claimed;
        try {
            claimed = claims.claimAll(alerts, now, LEASE);
        } catch (RuntimeException storage) {
            Outcome failed = new Outcome.NotDelivered(Failures.kind(storage));
            return batch.stream().map(alert -> new Dispatched(alert, failed)).toList();
        }
        List<Alert> mine = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            switch (claimed.get(i)) {
                case ClaimOutcome.AlreadyPublished a -> outcomes.put(alerts.get(i).alertId(),
                        new Outcome.AlreadyPublished());
                case ClaimOutcome.HeldByAnother held -> outcomes.put(alerts.get(i).alertId(),
                        new Outcome.Deferred(held.until()));
                case ClaimOutcome.Claimed c -> mine.add(alerts.get(i));
            }
        }
        List<Decision> decisions = decide(mine, now);
        List<Settled> settled = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            Alert alert = mine.get(i);
            Decision decision = decisions.get(i);
            if (decision instanceof Decision.Coalesced coalesced) {
                settled.add(new Settled.Coalesced(alert, coalesced.digestAlertId(), now));
                outcomes.put(alert.alertId(), new Outcome.Coalesced(coalesced.digestAlertId()));
                continue;
            }
            Optional<Decision.Digest> digest = decision instanceof Decision.Digest d ? Optional.of(d) : Optional.empty();
            AlertMessage message = composer.compose(alert, acknowledgeUrl(alert), digest);
            try {
                String messageId = publisher.publish(message);
                settled.add(new Settled.Published(alert, messageId, clock.instant(), digest.isPresent()));
                outcomes.put(alert.alertId(), digest.isPresent()
                        ? new Outcome.PublishedAsDigest(messageId, digest.get().count())
                        : new Outcome.Published(messageId, message.acknowledgeUrl().isPresent()));
            } catch (RuntimeException failure) {
                String errorClass = Failures.kind(failure);
                undo(alert, decision);
                claims.fail(alert, errorClass, clock.instant());
                outcomes.put(alert.alertId(), new Outcome.NotDelivered(errorClass));
            }
        }
        mark(settled, outcomes, now);
        return batch.stream().map(alert -> new Dispatched(alert, outcomes.get(alert.alertId()))).toList();
    }

    /**
     * How each claimed alert goes out. When the paging store cannot tell, every alert is a page of its own: an
     * organisation paged too often is better than one not paged.
     */
    private List<Decision> decide(List<Alert> alerts, Instant now) {
        List<Alert> pages = alerts.stream().filter(alert -> !alert.isNotice()).toList();
        List<Decision> decided;
        try {
            decided = pages.isEmpty() ? List.of() : paging.decideAll(pages, limits, now);
        } catch (RuntimeException unknown) {
            decided = pages.stream().map(alert -> (Decision) new Decision.Page(now)).toList();
        }
        List<Decision> decisions = new ArrayList<>();
        int page = 0;
        for (Alert alert : alerts) {
            decisions.add(alert.isNotice() ? new Decision.Page(now) : decided.get(page++));
        }
        return decisions;
    }

    private void undo(Alert alert, Decision decision) {
        if (alert.isNotice()) {
            return; // nothing was counted for it
        }
        try {
            paging.undo(alert, decision);
        } catch (RuntimeException ignored) {
            // a count not given back only brings the window's digest sooner
        }
    }

    /** All together; if that fails, one by one; what still fails keeps its claim until the lease runs out. */
    private void mark(List<Settled> settled, Map<String, Outcome> outcomes, Instant now) {
        if (settled.isEmpty()) {
            return;
        }
        try {
            claims.markAll(settled);
            return;
        } catch (RuntimeException tryOneByOne) {
            // below
        }
        for (Settled one : settled) {
            try {
                claims.markAll(List.of(one));
            } catch (RuntimeException notMarked) {
                Instant heldUntil = now.plus(LEASE);
                outcomes.put(one.alert().alertId(), switch (one) {
                    case Settled.Published p -> new Outcome.PublishedNotMarked(p.messageId(), heldUntil);
                    case Settled.Coalesced c -> new Outcome.Deferred(heldUntil);
                });
            }
        }
    }

    /**
     * The link is a convenience: when it cannot be made (its key is out of reach), the alert goes out without it. A
     * notice has none.
     */
    private Optional<String> acknowledgeUrl(Alert alert) {
        if (alert.isNotice()) {
            return Optional.empty(); // nothing to acknowledge
        }
        try {
            return acknowledgeUrls.forAlert(alert);
        } catch (RuntimeException linkNotMade) {
            return Optional.empty();
        }
    }
}
