package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.senim.alerting.AlertClaims.ClaimOutcome;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.testing.Racers;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertClaims} store does, run against the in-memory fake ({@code InMemoryAlertClaimsContractTest})
 * and the DynamoDB adapter on DynamoDB Local ({@code DynamoDbAlertClaimsContractIT}): one dispatcher at a time holds
 * an alert of the outbox, for a lease kept to the millisecond; a published alert is never claimed again; a released
 * one is claimable at once; an alert that is not in the outbox is a bug, not a claim.
 */
public abstract class AlertClaimsContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** Not on a whole millisecond: leases are kept in milliseconds. */
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00.123456789Z");

    /** The store under test. */
    protected abstract AlertClaims claims();

    /** Puts {@code alert} in the outbox as intake writes it; returns it. */
    protected abstract Alert inOutbox(Alert alert);

    @Test
    void the_first_claim_takes_the_alert_and_holds_it_until_the_lease_ends_to_the_millisecond() {
        Alert alert = inOutbox(alert("kz-75-commission"));
        Instant until = NOW.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);

        assertThat(claims().claim(alert, NOW, LEASE)).isEqualTo(new ClaimOutcome.Claimed());

        assertThat(claims().claim(alert, NOW.plusSeconds(59), LEASE)).isEqualTo(new ClaimOutcome.HeldByAnother(until));
        assertThat(claims().claim(alert, until.plusNanos(999_999), LEASE))
                .isEqualTo(new ClaimOutcome.HeldByAnother(until));
        assertThat(claims().claim(alert, until.plusMillis(1), LEASE)).isEqualTo(new ClaimOutcome.Claimed());
    }

    @Test
    void an_expired_lease_goes_to_the_next_dispatcher_who_then_holds_it() {
        Alert alert = inOutbox(alert("kz-75-commission"));
        claims().claim(alert, NOW, LEASE);
        Instant next = NOW.plus(LEASE).plusSeconds(1);

        assertThat(claims().claim(alert, next, LEASE)).isEqualTo(new ClaimOutcome.Claimed());
        assertThat(claims().claim(alert, next.plusSeconds(1), LEASE))
                .isEqualTo(new ClaimOutcome.HeldByAnother(next.plus(LEASE).truncatedTo(ChronoUnit.MILLIS)));
    }

    @Test
    void a_published_alert_is_never_claimed_again() {
        Alert alert = inOutbox(alert("kz-75-commission"));
        claims().claim(alert, NOW, LEASE);

        claims().markPublished(alert, "message-1", NOW.plusSeconds(1));

        assertThat(claims().claim(alert, NOW.plusSeconds(2), LEASE)).isEqualTo(new ClaimOutcome.AlreadyPublished());
        assertThat(claims().claim(alert, NOW.plus(Duration.ofDays(1)), LEASE))
                .isEqualTo(new ClaimOutcome.AlreadyPublished());
    }

    @Test
    void a_released_alert_can_be_claimed_again_at_once() {
        Alert alert = inOutbox(alert("kz-75-commission"));
        claims().claim(alert, NOW, LEASE);

        claims().release(alert);

        assertThat(claims().claim(alert, NOW.plusSeconds(1), LEASE)).isEqualTo(new ClaimOutcome.Claimed());
    }

    @Test
    void releasing_a_published_or_unclaimed_alert_changes_nothing() {
        Alert published = inOutbox(alert("kz-75-commission"));
        Alert unclaimed = inOutbox(alert("ngo-shelter-almaty"));
        claims().claim(published, NOW, LEASE);
        claims().markPublished(published, "message-1", NOW);

        claims().release(published);
        claims().release(unclaimed);

        assertThat(claims().claim(published, NOW.plusSeconds(1), LEASE))
                .isEqualTo(new ClaimOutcome.AlreadyPublished());
        assertThat(claims().claim(unclaimed, NOW.plusSeconds(1), LEASE)).isEqualTo(new ClaimOutcome.Claimed());
    }

    @Test
    void claims_of_different_alerts_of_one_report_are_independent() {
        Reference reference = Reference.random(RANDOM);
        Alert commission = inOutbox(alert(reference, "kz-75-commission"));
        Alert shelter = inOutbox(alert(reference, "ngo-shelter-almaty"));

        assertThat(claims().claim(commission, NOW, LEASE)).isEqualTo(new ClaimOutcome.Claimed());
        assertThat(claims().claim(shelter, NOW, LEASE)).isEqualTo(new ClaimOutcome.Claimed());
    }

    @Test
    void of_many_dispatchers_racing_for_one_alert_exactly_one_claims_it() throws Exception {
        Alert alert = inOutbox(alert("kz-75-commission"));

        List<ClaimOutcome> outcomes = Racers.race(12, () -> claims().claim(alert, NOW, LEASE));

        assertThat(outcomes).filteredOn(o -> o instanceof ClaimOutcome.Claimed).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ClaimOutcome.HeldByAnother).hasSize(11);
    }

    @Test
    void an_alert_missing_from_the_outbox_cannot_be_claimed() {
        Alert stored = inOutbox(alert("kz-75-commission"));
        Alert neverStored = alert("kz-75-commission");

        assertThat(claims().claim(stored, NOW, LEASE)).isEqualTo(new ClaimOutcome.Claimed());
        assertThatThrownBy(() -> claims().claim(neverStored, NOW, LEASE)).isInstanceOf(IllegalStateException.class);
    }

    private static Alert alert(String organisation) {
        return alert(Reference.random(RANDOM), organisation);
    }

    private static Alert alert(Reference reference, String organisation) {
        return Alert.of(reference, organisation, new RegionCode("KZ-75"), Category.FORCED_LABOUR, Severity.HIGH,
                NOW.minusSeconds(5));
    }
}
