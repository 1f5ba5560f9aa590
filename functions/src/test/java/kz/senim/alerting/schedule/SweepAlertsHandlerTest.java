package kz.senim.alerting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.SweepAlerts;
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

class SweepAlertsHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.atNoon();
    private final RecordingAlertPublisher publisher = new RecordingAlertPublisher();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void each_run_writes_the_overdue_count_as_an_embedded_metric_line_the_alarm_watches() throws Exception {
        Alert overdue = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "police-att-liaison", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.CRITICAL, clock.instant());
        clock.advance(Duration.ofMinutes(8));
        publisher.failNext(1);
        SweepAlertsHandler handler = new SweepAlertsHandler(new SweepAlerts(
                (cutoff, limit) -> List.of(new Unpublished.Readable(overdue)),
                new DispatchAlerts(InMemoryAlertClaims.withOutbox(overdue), publisher, clock), clock),
                new EmbeddedMetrics("Senim/test", new PrintStream(out, true, StandardCharsets.UTF_8), clock));

        Map<String, Object> result = handler.handleRequest(EventLoader.loadScheduledEvent(
                "events/eventbridge-escalate-alerts.json"), null);

        assertThat(result).containsEntry("redispatched", 1).containsEntry("failed", 1L).containsEntry("overdue", 1);
        JsonNode line = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Senim/test");
        assertThat(directive.path("Metrics").findValuesAsText("Name")).contains(EmbeddedMetrics.OVERDUE,
                EmbeddedMetrics.OLDEST);
        assertThat(line.path(EmbeddedMetrics.OVERDUE).asInt()).isEqualTo(1);
        assertThat(line.path(EmbeddedMetrics.OLDEST).asLong()).isEqualTo(Duration.ofMinutes(8).toSeconds());
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(clock.millis());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("SN-7Q2K-9M4D-XW3P");
    }

    @Test
    void a_quiet_run_says_so_with_zeros() throws Exception {
        SweepAlertsHandler handler = new SweepAlertsHandler(new SweepAlerts((cutoff, limit) -> List.of(),
                new DispatchAlerts(new InMemoryAlertClaims(), publisher, clock), clock),
                new EmbeddedMetrics("Senim/test", new PrintStream(out, true, StandardCharsets.UTF_8), clock));

        Map<String, Object> result = handler.handleRequest(new ScheduledEvent(), null);

        assertThat(result).containsEntry("redispatched", 0).containsEntry("overdue", 0);
        JsonNode line = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(line.path(EmbeddedMetrics.OVERDUE).isNumber()).isTrue();
        assertThat(line.path(EmbeddedMetrics.OVERDUE).asInt()).isZero();
    }

    @Test
    void a_run_that_cannot_read_the_unpublished_alerts_fails_so_the_errors_alarm_fires() {
        SweepAlertsHandler handler = new SweepAlertsHandler(new SweepAlerts((cutoff, limit) -> {
            throw new kz.senim.cases.StorageUnavailable("unpublished alerts unavailable", null);
        }, new DispatchAlerts(new InMemoryAlertClaims(), publisher, clock), clock),
                new EmbeddedMetrics("Senim/test", new PrintStream(out, true, StandardCharsets.UTF_8), clock));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handler.handleRequest(new ScheduledEvent(), null))
                .isInstanceOf(kz.senim.cases.StorageUnavailable.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("no figure from a run that did not happen").isEmpty();
    }
}
