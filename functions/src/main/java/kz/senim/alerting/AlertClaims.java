package kz.senim.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.senim.cases.Alert;

/**
 * Who is publishing an alert, and whether it has been published: what makes a redelivered stream record, the
 * sweeper, or two dispatchers racing, publish nothing twice.
 */
public interface AlertClaims {

    /** Takes the alert for {@code lease}, unless it is already published or another dispatcher holds it. */
    ClaimOutcome claim(Alert alert, Instant now, Duration lease);

    /**
     * Claims several alerts (a stream batch holds the alerts of a report) with as few writes as the store allows; a
     * claim is an attempt, counted on the alert.
     *
     * @return the outcome of each alert, in the order of {@code alerts} (which holds each alert once)
     */
    List<ClaimOutcome> claimAll(List<Alert> alerts, Instant now, Duration lease);

    void markPublished(Alert alert, String messageId, Instant publishedAt);

    /** Records what became of several claimed alerts together, each out of the unpublished alerts. */
    void markAll(List<Settled> settled);

    /** Gives a claim back after a failed publication, so the retry need not wait for the lease to run out. */
    void release(Alert alert);

    /**
     * Gives a claim back after a failed publication and records the failure's class (never its message) on the
     * alert, where the case view shows it. Best effort: the lease runs out by itself.
     */
    void fail(Alert alert, String errorClass, Instant at);

    sealed interface ClaimOutcome {
        record Claimed() implements ClaimOutcome { }

        /** Published, or coalesced into a digest: nothing left to do. */
        record AlreadyPublished() implements ClaimOutcome { }

        record HeldByAnother(Instant until) implements ClaimOutcome { }
    }

    /** What became of a claimed alert. */
    sealed interface Settled {
        Alert alert();

        /** The channel took its message ({@code asDigest}: the digest of its organisation's window). */
        record Published(Alert alert, String messageId, Instant at, boolean asDigest) implements Settled { }

        /** Counted in the digest that alert {@code digestAlertId} carries, instead of a page of its own. */
        record Coalesced(Alert alert, String digestAlertId, Instant at) implements Settled { }
    }
}
