package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.testing.InMemoryAlertClaims;
import kz.senim.testing.MutableClock;
import kz.senim.testing.RecordingAlertPublisher;
import org.junit.jupiter.api.Test;

class DispatchAlertsTest {

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryAlertClaims claims = new InMemoryAlertClaims();
    private final RecordingAlertPublisher publisher = new RecordingAlertPublisher();
    private final DispatchAlerts dispatch = new DispatchAlerts(claims, publisher, clock);
    private final Alert alert = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission",
            new RegionCode("KZ-75"), Category.FORCED_LABOUR, Severity.CRITICAL, clock.instant());

    @Test
    void an_alert_is_published_once_and_marked() {
        assertThat(dispatch.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.Published.class);

        assertThat(publisher.published()).extracting(AlertMessage::alert).containsExactly(alert);
        assertThat(claims.isPublished(alert)).isTrue();
    }

    @Test
    void a_redelivered_alert_publishes_nothing_twice() {
        dispatch.dispatch(alert);

        assertThat(dispatch.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.AlreadyPublished.class);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void an_alert_another_dispatcher_holds_is_deferred_until_its_lease_runs_out() {
        claims.claim(alert, clock.instant(), DispatchAlerts.LEASE);

        assertThat(dispatch.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.Deferred.class);
        assertThat(publisher.published()).isEmpty();

        clock.advance(DispatchAlerts.LEASE.plusSeconds(1));
        assertThat(dispatch.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.Published.class);
    }

    @Test
    void a_failed_channel_releases_the_claim_so_the_retry_publishes_at_once() {
        publisher.failNext(1);

        assertThatThrownBy(() -> dispatch.dispatch(alert)).isInstanceOf(AlertNotDelivered.class);
        assertThat(claims.isPublished(alert)).isFalse();

        assertThat(dispatch.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.Published.class);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void the_message_names_the_case_and_its_urgency_and_nothing_about_the_reporter() {
        AlertMessage message = new AlertMessage(alert);

        assertThat(message.toJson())
                .contains("\"schemaVersion\":\"1\"", "\"reference\":\"SN-7Q2K-9M4D-XW3P\"", "\"region\":\"KZ-75\"",
                        "\"category\":\"forced_labour\"", "\"severity\":\"critical\"")
                .doesNotContain("narrative", "locality", "receipt");
        assertThat(message.attributes()).containsEntry("region", "KZ-75").containsEntry("severity", "critical")
                .containsEntry("category", "forced_labour").containsEntry("schemaVersion", "1");
    }
}
