package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.senim.alerting.DispatchAlerts.Outcome;
import kz.senim.alerting.UnpublishedAlerts.Unpublished;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.testing.InMemoryAlertClaims;
import kz.senim.testing.MutableClock;
import kz.senim.testing.RecordingAlertPublisher;
import org.junit.jupiter.api.Test;

class SweepAlertsTest {

    private final MutableClock clock = MutableClock.atNoon();
    private final Instant start = clock.instant();
    private final InMemoryAlertClaims claims = new InMemoryAlertClaims();
    private final RecordingAlertPublisher publisher = new RecordingAlertPublisher();
    private final List<Unpublished> stored = new ArrayList<>();
    private final List<Instant> cutoffs = new ArrayList<>();
    private final UnpublishedAlerts unpublished = (cutoff, limit) -> {
        cutoffs.add(cutoff);
        return stored.stream().filter(u -> u.createdAt().isBefore(cutoff))
                .filter(u -> !(u instanceof Unpublished.Readable r) || !claims.isPublished(r.alert())).toList();
    };
    private final SweepAlerts sweep = new SweepAlerts(unpublished,
            new DispatchAlerts(claims, publisher, clock), clock);

    @Test
    void an_alert_still_unpublished_two_minutes_after_its_creation_goes_out_once_and_is_not_overdue_after() {
        Alert alert = stored(start);
        clock.advance(Duration.ofMinutes(6));

        SweepAlerts.Sweep run = sweep.run(Duration.ofSeconds(30));

        assertThat(cutoffs).containsExactly(clock.instant().minus(SweepAlerts.SWEEP_AFTER));
        assertThat(run.dispatched()).singleElement().satisfies(d -> {
            assertThat(d.alert()).isEqualTo(alert);
            assertThat(d.outcome()).isInstanceOf(Outcome.Published.class);
        });
        assertThat(run.overdue()).isZero();
        assertThat(run.oldestUnpublished()).isZero();
        assertThat(publisher.published()).hasSize(1);
        assertThat(sweep.run(Duration.ofSeconds(30)).dispatched()).isEmpty();
    }

    @Test
    void an_alert_the_channel_still_refuses_after_five_minutes_is_overdue_with_its_age() {
        stored(start);
        Alert recent = stored(start.plus(Duration.ofMinutes(3)));
        clock.advance(Duration.ofMinutes(6));
        publisher.failNext(2);

        SweepAlerts.Sweep run = sweep.run(Duration.ofSeconds(30));

        assertThat(run.dispatched()).hasSize(2)
                .allSatisfy(d -> assertThat(d.outcome()).isInstanceOf(Outcome.NotDelivered.class));
        assertThat(run.overdue()).as("only the one created six minutes ago").isEqualTo(1);
        assertThat(run.oldestUnpublished()).isEqualTo(Duration.ofMinutes(6));
        assertThat(claims.lastError(recent)).isPresent();
    }

    @Test
    void an_unreadable_item_is_reported_and_counts_as_unpublished_while_the_others_still_go_out() {
        stored.add(new Unpublished.Unreadable("SN-0000-0000-0000.broken", start, "java.lang.NullPointerException"));
        stored(start);
        clock.advance(Duration.ofMinutes(10));

        SweepAlerts.Sweep run = sweep.run(Duration.ofSeconds(30));

        assertThat(run.unreadable()).extracting(Unpublished.Unreadable::alertId)
                .containsExactly("SN-0000-0000-0000.broken");
        assertThat(run.dispatched()).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isInstanceOf(Outcome.Published.class));
        assertThat(run.overdue()).isEqualTo(1);
    }

    @Test
    void a_run_out_of_time_starts_no_batch_and_counts_what_it_left() {
        stored(start);
        clock.advance(Duration.ofMinutes(7));

        SweepAlerts.Sweep run = sweep.run(Duration.ZERO);

        assertThat(run.dispatched()).isEmpty();
        assertThat(publisher.published()).isEmpty();
        assertThat(run.overdue()).isEqualTo(1);
    }

    private Alert stored(Instant createdAt) {
        Alert alert = Alert.of(Reference.random(new java.security.SecureRandom()), "kz-75-commission",
                new RegionCode("KZ-75"), Category.BEGGING, Severity.HIGH, createdAt);
        stored.add(new Unpublished.Readable(claims.add(alert)));
        return alert;
    }
}
