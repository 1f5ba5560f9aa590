package kz.senim.alerting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.SweepAlerts;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** The alert path's code and the template agree: lease and timeouts, the sweeper's index, its metric and alarm. */
class SweepDeploymentTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    @Test
    void no_invocation_that_publishes_outlives_a_claims_lease() {
        for (String function : List.of("AlertDispatcherFunction", "SweepAlertsFunction")) {
            Duration timeout = Duration.ofSeconds(TEMPLATE.functionProperties(function).path("Timeout").asInt());
            assertThat(timeout).as(function).isPositive().isLessThan(DispatchAlerts.LEASE);
        }
        assertThat(SweepAlertsHandler.SAFETY).isLessThan(Duration.ofSeconds(
                TEMPLATE.functionProperties("SweepAlertsFunction").path("Timeout").asInt()));
    }

    @Test
    void the_sweeper_runs_often_enough_to_find_an_alert_before_it_is_overdue() {
        JsonNode schedule = TEMPLATE.functionProperties("SweepAlertsFunction").path("Events").elements().next()
                .path("Properties");

        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("rate(1 minute)");
        assertThat(SweepAlerts.SWEEP_AFTER.plus(Duration.ofMinutes(1))).isLessThan(SweepAlerts.OVERDUE);
    }

    @Test
    void the_sweeper_reads_the_index_the_template_declares_and_may_query_it() {
        CreateTableRequest cases = TEMPLATE.tables(id -> id).stream()
                .filter(table -> table.tableName().equals("CasesTable")).findFirst().orElseThrow();

        assertThat(cases.globalSecondaryIndexes()).anySatisfy(index -> {
            assertThat(index.indexName()).isEqualTo(AlertItems.UNPUBLISHED_INDEX);
            assertThat(index.keySchema()).extracting(k -> k.attributeName())
                    .containsExactly(AlertItems.UNPUBLISHED_PK, AlertItems.UNPUBLISHED_SK);
        });
        assertThat(TEMPLATE.functionProperties("SweepAlertsFunction").path("Policies").toString())
                .contains("${CasesTable.Arn}/index/" + AlertItems.UNPUBLISHED_INDEX);
    }

    @Test
    void the_alarm_watches_the_metric_the_sweeper_writes_in_the_namespace_it_is_given() {
        JsonNode alarm = TEMPLATE.resource("UnpublishedAlertsAlarm").path("Properties");
        JsonNode namespace = TEMPLATE.functionProperties("SweepAlertsFunction").path("Environment")
                .path("Variables").path(Wiring.METRICS_NAMESPACE);

        assertThat(alarm.path("MetricName").asText()).isEqualTo(EmbeddedMetrics.OVERDUE);
        assertThat(alarm.path("Namespace")).isEqualTo(namespace);
        assertThat(alarm.path("Dimensions").isMissingNode() || alarm.path("Dimensions").isEmpty())
                .as("the sweeper writes no dimensions").isTrue();
    }
}
