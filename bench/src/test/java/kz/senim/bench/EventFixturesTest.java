package kz.senim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EventFixturesTest {

    private final EventFixtures fixtures = new EventFixtures(
            BenchSettings.findRoot(Path.of("")).resolve("functions/src/test/resources/events"));

    @Test
    void theFixturesReferenceAndReceiptBecomeTheLiveCasesEverywhere() {
        ObjectNode event = fixtures.load("apigw-v2-report-status.json",
                Map.of(EventFixtures.REFERENCE, "SN-AAAA-BBBB-CCCC", EventFixtures.RECEIPT, "RCPT-LIVE"));

        assertThat(event.path("rawPath").asText()).isEqualTo("/dev/v1/reports/SN-AAAA-BBBB-CCCC");
        assertThat(event.path("pathParameters").path("reference").asText()).isEqualTo("SN-AAAA-BBBB-CCCC");
        assertThat(event.path("headers").path("x-receipt").asText()).isEqualTo("RCPT-LIVE");
        assertThat(event.toString()).doesNotContain(EventFixtures.REFERENCE).doesNotContain(EventFixtures.RECEIPT);
    }

    @Test
    void theReferralIsReplacedBeforeTheReferenceItContains() {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put(EventFixtures.REFERRAL, "SN-AAAA-BBBB-CCCC.R0000");
        replacements.put(EventFixtures.REFERENCE, "SN-AAAA-BBBB-CCCC");

        ObjectNode event = fixtures.load("apigw-v2-referral-status.json", replacements);

        assertThat(event.path("pathParameters").path("referralId").asText()).isEqualTo("SN-AAAA-BBBB-CCCC.R0000");
    }

    @Test
    void headersAndBodyFieldsCanBeSetAndAnEventWithoutHeadersIsLeftAlone() {
        ObjectNode event = fixtures.load("apigw-v2-refer-to-service.json", Map.of());
        EventFixtures.replaceHeader(event, "content-type", "application/json");
        EventFixtures.replaceHeader(event, "if-match", "\"9\"");
        EventFixtures.replaceBodyField(event, "dueDate", "2030-01-31");
        ObjectNode scheduled = fixtures.load("eventbridge-escalate-alerts.json", Map.of());
        EventFixtures.replaceHeader(scheduled, "if-match", "\"9\"");

        assertThat(event.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(event.path("headers").has("if-match")).isFalse();
        assertThat(event.path("body").asText()).contains("\"dueDate\":\"2030-01-31\"", "\"providerId\"");
        assertThat(scheduled.has("headers")).isFalse();
        assertThat(scheduled.path("detail-type").asText()).isEqualTo("Scheduled Event");
    }

    @Test
    void aStreamImageBecomesTheItemItDescribes() {
        ObjectNode event = fixtures.load("dynamodb-stream-cases.json", Map.of());
        Map<String, AttributeValue> alert = EventFixtures.item(
                event.path("Records").get(1).path("dynamodb").path("NewImage"));

        assertThat(alert.get("sk").s()).isEqualTo("ALERT#kz-75-commission");
        assertThat(alert.get("kind").s()).isEqualTo("ALERT");
        assertThat(alert.get("escalationStep").n()).isNotBlank();
        assertThat(List.copyOf(alert.keySet())).contains("pk", "alertId", "gsi2pk");
    }
}
