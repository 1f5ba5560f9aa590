package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.senim.alerting.DispatchAlerts.Dispatched;
import kz.senim.alerting.DispatchAlerts.Outcome;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.directory.PagingLimit;
import kz.senim.testing.InMemoryAlertClaims;
import kz.senim.testing.InMemoryPagingWindows;
import kz.senim.testing.MarksThatNeverLand;
import kz.senim.testing.MutableClock;
import kz.senim.testing.RecordingAlertPublisher;
import org.junit.jupiter.api.Test;

class DispatchAlertsTest {

    private final MutableClock clock = MutableClock.atNoon();
    private final Alert alert = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission",
            new RegionCode("KZ-75"), Category.FORCED_LABOUR, Severity.CRITICAL, clock.instant());
    private final InMemoryAlertClaims claims = InMemoryAlertClaims.withOutbox(alert);
    private final RecordingAlertPublisher publisher = new RecordingAlertPublisher();
    private final DispatchAlerts dispatch = new DispatchAlerts(claims, publisher, clock);

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
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void a_failed_channel_releases_the_claim_so_the_retry_publishes_at_once() {
        publisher.failNext(1);

        assertThatThrownBy(() -> dispatch.dispatch(alert)).isInstanceOf(AlertNotDelivered.class);
        assertThat(claims.isPublished(alert)).isFalse();

        assertThat(dispatch.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.Published.class);
        assertThat(claims.isPublished(alert)).isTrue();
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

    @Test
    void the_message_is_written_by_the_composer_with_the_link_and_the_channel_gets_it_as_written() {
        AlertTexts texts = new AlertTexts("sms of the composer", "subject of the composer", "body of the composer");
        DispatchAlerts composed = new DispatchAlerts(claims, publisher, clock,
                a -> Optional.of("http://localhost:8080/v1/ack/7Q2K9M4DXW3PHN7C"),
                (a, link, digest) -> new AlertMessage(a, link, texts));

        assertThat(composed.dispatch(alert)).isEqualTo(new DispatchAlerts.Outcome.Published("message-1", true));

        AlertMessage published = publisher.published().getFirst();
        assertThat(published.texts()).isEqualTo(texts);
        assertThat(published.acknowledgeUrl()).contains("http://localhost:8080/v1/ack/7Q2K9M4DXW3PHN7C");
    }

    @Test
    void the_published_structure_gives_machines_the_v1_json_and_people_the_sms_and_the_email() throws Exception {
        AlertMessage message = new AlertMessage(alert, Optional.of("http://localhost:8080/v1/ack/7Q2K9M4DXW3PHN7C"));

        JsonNode structure = new ObjectMapper().readTree(message.structuredJson());

        assertThat(structure.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("default", "sms", "email");
        assertThat(structure.path("default").asText()).isEqualTo(message.toJson());
        assertThat(structure.path("sms").asText()).isEqualTo(message.texts().sms())
                .startsWith("Senim, CRITICAL urgency: Forced labour, Almaty, SN-7Q2K-9M4D-XW3P");
        assertThat(structure.path("email").asText()).isEqualTo(message.texts().emailBody());
    }

    @Test
    void the_lease_outlasts_any_invocation_that_may_hold_a_claim() {
        assertThat(DispatchAlerts.LEASE).isGreaterThan(Duration.ofSeconds(60));
    }

    @Test
    void every_attempt_is_counted_and_a_failure_recorded_by_its_class_on_the_alert() {
        publisher.failNext(2);

        assertThatThrownBy(() -> dispatch.dispatch(alert)).isInstanceOf(AlertNotDelivered.class);
        assertThatThrownBy(() -> dispatch.dispatch(alert)).isInstanceOf(AlertNotDelivered.class);
        assertThat(claims.lastError(alert)).contains(AlertNotDelivered.class.getName());
        assertThat(dispatch.dispatch(alert)).isInstanceOf(Outcome.Published.class);

        assertThat(claims.attempts(alert)).isEqualTo(3);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void the_alerts_of_a_batch_are_published_each_and_marked_in_one_write() {
        Alert shelter = claims.add(Alert.of(alert.reference(), "ngo-shelter-almaty", alert.region(),
                alert.category(), alert.severity(), alert.createdAt()));
        Alert police = claims.add(Alert.of(alert.reference(), "police-att-liaison", alert.region(),
                alert.category(), alert.severity(), alert.createdAt()));

        List<Dispatched> dispatched = dispatch.dispatchAll(List.of(alert, shelter, police));

        assertThat(dispatched).extracting(Dispatched::alert).containsExactly(alert, shelter, police);
        assertThat(dispatched).allSatisfy(d -> assertThat(d.outcome()).isInstanceOf(Outcome.Published.class));
        assertThat(publisher.published()).extracting(AlertMessage::alert).containsExactly(alert, shelter, police);
        assertThat(claims.markWrites()).isEqualTo(1);
    }

    @Test
    void one_alert_of_a_batch_the_channel_refuses_holds_up_none_of_the_others() {
        Alert shelter = claims.add(Alert.of(alert.reference(), "ngo-shelter-almaty", alert.region(),
                alert.category(), alert.severity(), alert.createdAt()));
        publisher.failNext(1);

        List<Dispatched> dispatched = dispatch.dispatchAll(List.of(alert, shelter));

        assertThat(dispatched.get(0).outcome()).isEqualTo(new Outcome.NotDelivered(AlertNotDelivered.class.getName()));
        assertThat(dispatched.get(1).outcome()).isInstanceOf(Outcome.Published.class);
        assertThat(claims.isPublished(shelter)).isTrue();
        assertThat(claims.isPublished(alert)).isFalse();
        assertThat(claims.heldUntil(alert)).as("released for the retry").isEmpty();
    }

    @Test
    void an_alert_published_but_not_marked_is_held_for_the_lease_and_nobody_publishes_it_again_meanwhile() {
        AlertClaims marksFail = new MarksThatNeverLand(claims);
        DispatchAlerts flaky = new DispatchAlerts(marksFail, publisher, clock);

        Outcome first = flaky.dispatch(alert);

        assertThat(first).isInstanceOfSatisfying(Outcome.PublishedNotMarked.class, notMarked -> {
            assertThat(notMarked.messageId()).isEqualTo("message-1");
            assertThat(notMarked.heldUntil()).isEqualTo(clock.instant().plus(DispatchAlerts.LEASE));
        });
        clock.advance(DispatchAlerts.LEASE.minusSeconds(1));
        assertThat(dispatch.dispatch(alert)).isInstanceOf(Outcome.Deferred.class);
        assertThat(publisher.published()).as("within the lease, once").hasSize(1);
    }

    @Test
    void past_its_limit_an_organisation_gets_one_digest_for_the_window_and_the_rest_is_counted_in_it() {
        InMemoryPagingWindows windows = new InMemoryPagingWindows();
        DispatchAlerts coalescing = new DispatchAlerts(claims, publisher, windows,
                organisation -> new PagingLimit(2, Duration.ofMinutes(10)), clock, a -> Optional.empty());
        List<Alert> flood = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flood.add(claims.add(Alert.of(Reference.random(new java.security.SecureRandom()), "kz-75-commission",
                    new RegionCode(i % 2 == 0 ? "KZ-75" : "KZ-19"), Category.BEGGING, Severity.HIGH,
                    clock.instant())));
        }

        List<Outcome> outcomes = new ArrayList<>();
        for (Alert one : flood) {
            outcomes.add(coalescing.dispatch(one));
        }

        assertThat(outcomes).extracting(o -> o.getClass().getSimpleName()).containsExactly("Published",
                "Published", "PublishedAsDigest", "Coalesced", "Coalesced", "Coalesced");
        assertThat(outcomes.get(2)).isEqualTo(new Outcome.PublishedAsDigest("message-3", 3));
        assertThat(publisher.published()).hasSize(3);
        AlertMessage digest = publisher.published().get(2);
        assertThat(digest.kind()).isEqualTo("digest");
        assertThat(digest.digest().orElseThrow().regions()).containsExactly("KZ-19", "KZ-75");
        for (Alert counted : flood.subList(3, 6)) {
            assertThat(claims.coalescedInto(counted)).contains(flood.get(2).alertId());
        }
        assertThat(windows.inStorm("kz-75-commission")).isTrue();
    }

    @Test
    void in_a_storm_the_next_window_gets_its_digest_only_until_someone_acknowledges() {
        InMemoryPagingWindows windows = new InMemoryPagingWindows();
        DispatchAlerts coalescing = new DispatchAlerts(claims, publisher, windows,
                organisation -> new PagingLimit(1, Duration.ofMinutes(10)), clock, a -> Optional.empty());
        coalescing.dispatch(another());
        coalescing.dispatch(another());
        clock.advance(Duration.ofMinutes(10));

        assertThat(coalescing.dispatch(another())).as("the next window's first report")
                .isInstanceOf(Outcome.PublishedAsDigest.class);
        assertThat(coalescing.dispatch(another())).isInstanceOf(Outcome.Coalesced.class);

        windows.acknowledged("kz-75-commission", clock.instant());
        clock.advance(Duration.ofMinutes(10));
        assertThat(coalescing.dispatch(another())).as("after the acknowledgement, one page per report")
                .isInstanceOf(Outcome.Published.class);
    }

    @Test
    void a_digest_whose_publication_fails_stays_the_windows_digest_for_its_retry() {
        InMemoryPagingWindows windows = new InMemoryPagingWindows();
        DispatchAlerts coalescing = new DispatchAlerts(claims, publisher, windows,
                organisation -> new PagingLimit(1, Duration.ofMinutes(10)), clock, a -> Optional.empty());
        coalescing.dispatch(another());
        Alert digest = another();
        publisher.failNext(1);
        assertThatThrownBy(() -> coalescing.dispatch(digest)).isInstanceOf(AlertNotDelivered.class);
        Alert counted = another();
        assertThat(coalescing.dispatch(counted)).isEqualTo(new Outcome.Coalesced(digest.alertId()));

        assertThat(coalescing.dispatch(digest)).isEqualTo(new Outcome.PublishedAsDigest("message-2", 3));
    }

    @Test
    void a_notice_goes_out_as_a_message_of_its_own_without_a_link_even_in_a_storm_and_counts_in_no_window() {
        InMemoryPagingWindows windows = new InMemoryPagingWindows();
        DispatchAlerts coalescing = new DispatchAlerts(claims, publisher, windows,
                organisation -> new PagingLimit(1, Duration.ofMinutes(10)), clock,
                a -> Optional.of("https://ack.senim.example/a/" + a.alertId()));
        coalescing.dispatch(another());
        coalescing.dispatch(another());
        assertThat(coalescing.dispatch(another())).as("guard: the organisation is in a storm")
                .isInstanceOf(Outcome.Coalesced.class);
        Alert notice = claims.add(Alert.notice(Reference.random(new java.security.SecureRandom()),
                "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING,
                Alert.Notice.erasureDue(clock.instant().plus(Duration.ofDays(14))), clock.instant()));
        Alert revoked = claims.add(Alert.notice(Reference.random(new java.security.SecureRandom()),
                "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING, Alert.Notice.referralsRevoked(),
                clock.instant()));

        List<Dispatched> dispatched = coalescing.dispatchAll(List.of(notice, another(), revoked));

        assertThat(dispatched.get(0).outcome()).isInstanceOf(Outcome.Published.class);
        assertThat(dispatched.get(1).outcome()).as("a report beside them is coalesced as before")
                .isInstanceOf(Outcome.Coalesced.class);
        assertThat(dispatched.get(2).outcome()).isInstanceOf(Outcome.Published.class);
        List<AlertMessage> notices = publisher.published().stream().filter(m -> m.alert().isNotice()).toList();
        assertThat(notices).extracting(AlertMessage::kind).containsExactly("notice", "notice");
        assertThat(notices).allSatisfy(m -> {
            assertThat(m.acknowledgeUrl()).isEmpty();
            assertThat(m.digest()).isEmpty();
        });
        assertThat(publisher.published()).filteredOn(m -> !m.alert().isNotice())
                .as("guard: a page gets its link").allSatisfy(m -> assertThat(m.acknowledgeUrl()).isPresent());
    }

    @Test
    void notices_take_no_place_among_the_pages_an_organisation_gets_in_its_window() {
        InMemoryPagingWindows windows = new InMemoryPagingWindows();
        DispatchAlerts coalescing = new DispatchAlerts(claims, publisher, windows,
                organisation -> new PagingLimit(2, Duration.ofMinutes(10)), clock, a -> Optional.empty());
        for (int i = 0; i < 3; i++) {
            assertThat(coalescing.dispatch(claims.add(Alert.notice(Reference.random(new java.security.SecureRandom()),
                    "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING, Alert.Notice.referralsRevoked(),
                    clock.instant())))).isInstanceOf(Outcome.Published.class);
        }

        assertThat(coalescing.dispatch(another())).isInstanceOf(Outcome.Published.class);
        assertThat(coalescing.dispatch(another())).isInstanceOf(Outcome.Published.class);
        assertThat(coalescing.dispatch(another())).as("the window's third report is its digest")
                .isInstanceOf(Outcome.PublishedAsDigest.class);
        assertThat(windows.inStorm("kz-75-commission")).isTrue();
    }

    private Alert another() {
        return claims.add(Alert.of(Reference.random(new java.security.SecureRandom()), "kz-75-commission",
                new RegionCode("KZ-75"), Category.BEGGING, Severity.HIGH, clock.instant()));
    }
}
