package kz.senim.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.alerting.AlertClaims;
import kz.senim.cases.Alert;

/**
 * Claims in memory with the same rules as the conditional updates in DynamoDB ({@code AlertClaimsContract}): only
 * alerts of the outbox ({@link #add}) are claimed; a claim (an attempt, counted) only of an alert neither published
 * nor coalesced nor held, its lease kept to the millisecond; a failure recorded by its class; marks that give the
 * claim back.
 */
public final class InMemoryAlertClaims implements AlertClaims {

    private final Set<String> outbox = new HashSet<>();
    private final Map<String, Instant> leases = new HashMap<>();
    private final Map<String, String> published = new HashMap<>();
    private final Map<String, String> coalesced = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, String> lastErrors = new HashMap<>();
    private int markWrites;

    /** Claims over an outbox that holds {@code alerts}. */
    public static InMemoryAlertClaims withOutbox(Alert... alerts) {
        InMemoryAlertClaims claims = new InMemoryAlertClaims();
        for (Alert alert : alerts) {
            claims.add(alert);
        }
        return claims;
    }

    /** Puts {@code alert} in the outbox, as intake (or escalation, for a page) does; returns it. */
    public synchronized Alert add(Alert alert) {
        outbox.add(alert.alertId());
        return alert;
    }

    @Override
    public synchronized ClaimOutcome claim(Alert alert, Instant now, Duration lease) {
        if (!outbox.contains(alert.alertId())) {
            throw new IllegalStateException("alert outbox item is missing: " + alert.alertId());
        }
        if (published.containsKey(alert.alertId()) || coalesced.containsKey(alert.alertId())) {
            return new ClaimOutcome.AlreadyPublished();
        }
        Instant until = leases.get(alert.alertId());
        if (until != null && !until.isBefore(now.truncatedTo(ChronoUnit.MILLIS))) {
            return new ClaimOutcome.HeldByAnother(until);
        }
        leases.put(alert.alertId(), now.plus(lease).truncatedTo(ChronoUnit.MILLIS));
        attempts.merge(alert.alertId(), 1, Integer::sum);
        return new ClaimOutcome.Claimed();
    }

    @Override
    public synchronized List<ClaimOutcome> claimAll(List<Alert> alerts, Instant now, Duration lease) {
        return alerts.stream().map(alert -> claim(alert, now, lease)).toList();
    }

    @Override
    public synchronized void markPublished(Alert alert, String messageId, Instant publishedAt) {
        markAll(List.of(new Settled.Published(alert, messageId, publishedAt, false)));
    }

    @Override
    public synchronized void markAll(List<Settled> settled) {
        markWrites++;
        for (Settled one : settled) {
            switch (one) {
                case Settled.Published p -> published.put(p.alert().alertId(), p.messageId());
                case Settled.Coalesced c -> coalesced.put(c.alert().alertId(), c.digestAlertId());
            }
            leases.remove(one.alert().alertId());
        }
    }

    @Override
    public synchronized void release(Alert alert) {
        if (!published.containsKey(alert.alertId()) && !coalesced.containsKey(alert.alertId())) {
            leases.remove(alert.alertId());
        }
    }

    @Override
    public synchronized void fail(Alert alert, String errorClass, Instant at) {
        if (!published.containsKey(alert.alertId()) && !coalesced.containsKey(alert.alertId())) {
            leases.remove(alert.alertId());
            lastErrors.put(alert.alertId(), errorClass);
        }
    }

    public synchronized boolean isPublished(Alert alert) {
        return published.containsKey(alert.alertId());
    }

    public synchronized Optional<String> coalescedInto(Alert alert) {
        return Optional.ofNullable(coalesced.get(alert.alertId()));
    }

    public synchronized int attempts(Alert alert) {
        return attempts.getOrDefault(alert.alertId(), 0);
    }

    public synchronized Optional<String> lastError(Alert alert) {
        return Optional.ofNullable(lastErrors.get(alert.alertId()));
    }

    public synchronized Optional<Instant> heldUntil(Alert alert) {
        return Optional.ofNullable(leases.get(alert.alertId()));
    }

    /** How many times marks were written (a batch's marks together count once). */
    public synchronized int markWrites() {
        return markWrites;
    }
}
