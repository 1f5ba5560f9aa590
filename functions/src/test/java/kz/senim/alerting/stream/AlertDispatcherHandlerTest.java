package kz.senim.alerting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.testing.HttpApiEvents;
import kz.senim.testing.InMemoryAlertClaims;
import kz.senim.testing.MutableClock;
import kz.senim.testing.RecordingAlertPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AlertDispatcherHandlerTest {

    private static final String FIXTURE = "events/dynamodb-stream-cases.json";
    /** The fixture's second record: the outbox item of the Almaty commission's alert. */
    private static final Alert ALMATY_ALERT = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission",
            new RegionCode("KZ-75"), Category.BEGGING, Severity.HIGH, Instant.parse("2026-11-23T12:00:00Z"));
    private static final String ALERT_INSERT_SEQUENCE = "300000000012345678902";

    private final RecordingAlertPublisher publisher = new RecordingAlertPublisher();
    private final AlertDispatcherHandler handler = new AlertDispatcherHandler(
            new DispatchAlerts(InMemoryAlertClaims.withOutbox(ALMATY_ALERT), publisher, MutableClock.atNoon()));

    private static DynamodbEvent fixture() {
        return EventLoader.loadDynamoDbEvent(FIXTURE);
    }

    @ParameterizedTest
    @Event(value = FIXTURE, type = DynamodbEvent.class)
    void the_fixture_holds_a_report_insert_an_alert_insert_and_an_alert_modify(DynamodbEvent event) {
        assertThat(event.getRecords())
                .extracting(r -> r.getEventName() + " " + r.getDynamodb().getNewImage().get("kind").getS())
                .containsExactly("INSERT REPORT", "INSERT ALERT", "MODIFY ALERT");
        assertThat(sdk(event.getRecords().get(1).getDynamodb().getNewImage()))
                .as("the alert image is exactly what the outbox writes")
                .isEqualTo(AlertItems.toItem(ALMATY_ALERT));
        assertThat(event.getRecords().get(1).getDynamodb().getSequenceNumber()).isEqualTo(ALERT_INSERT_SEQUENCE);
    }

    @ParameterizedTest
    @Event(value = FIXTURE, type = DynamodbEvent.class)
    void only_the_inserted_alert_is_published_and_only_once(DynamodbEvent event) {
        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).extracting(AlertMessage::alert).containsExactly(ALMATY_ALERT);
    }

    @Test
    void the_same_records_delivered_again_publish_nothing_new() {
        handler.handleRequest(fixture(), null);

        StreamsEventResponse again = handler.handleRequest(fixture(), null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void an_alert_the_channel_refuses_is_reported_by_its_sequence_number_for_retry() {
        publisher.failNext(1);

        StreamsEventResponse response = handler.handleRequest(fixture(), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(ALERT_INSERT_SEQUENCE);
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void the_retry_of_a_refused_alert_publishes_it_once() {
        publisher.failNext(1);
        handler.handleRequest(fixture(), null);

        StreamsEventResponse retry = handler.handleRequest(fixture(), null);

        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).extracting(AlertMessage::alert).containsExactly(ALMATY_ALERT);
    }

    @Test
    void an_alert_another_dispatcher_holds_is_no_failure_that_would_spend_the_streams_retries() {
        InMemoryAlertClaims claims = InMemoryAlertClaims.withOutbox(ALMATY_ALERT);
        MutableClock clock = MutableClock.atNoon();
        claims.claim(ALMATY_ALERT, clock.instant(), DispatchAlerts.LEASE);
        AlertDispatcherHandler held = new AlertDispatcherHandler(new DispatchAlerts(claims, publisher, clock));

        StreamsEventResponse response = held.handleRequest(fixture(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).isEmpty();
        assertThat(claims.heldUntil(ALMATY_ALERT)).contains(clock.instant().plus(DispatchAlerts.LEASE));
    }

    @Test
    void an_alert_record_that_cannot_be_read_is_reported_alone_and_the_others_still_go_out() {
        DynamodbEvent event = fixture();
        DynamodbEvent broken = fixture();
        DynamodbEvent.DynamodbStreamRecord unreadable = broken.getRecords().get(1);
        unreadable.getDynamodb().getNewImage().remove("severity");
        unreadable.getDynamodb().getNewImage().put("sk",
                new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("ALERT#ngo-children"));
        unreadable.getDynamodb().setSequenceNumber("300000000012345678900");
        event.getRecords().add(0, unreadable);

        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("300000000012345678900");
        assertThat(publisher.published()).extracting(AlertMessage::alert).containsExactly(ALMATY_ALERT);
    }

    @Test
    void alert_messages_carry_no_narrative_nor_anything_else_the_reporter_wrote() throws Exception {
        DynamodbEvent event = fixture();
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> report =
                event.getRecords().get(0).getDynamodb().getNewImage();

        handler.handleRequest(event, null);

        AlertMessage message = publisher.published().get(0);
        JsonNode json = HttpApiEvents.JSON.readTree(message.toJson());
        Set<String> fields = new TreeSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("schemaVersion", "alertId", "reference", "organisationId",
                "region", "category", "severity", "createdAt", "kind");
        assertThat(json.path("schemaVersion").asText()).isEqualTo("1");
        assertThat(message.structuredJson()).contains(message.alert().reference().value());
        for (String written : List.of("narrative", "locality", "receiptHash")) {
            String value = report.get(written).getS();
            assertThat(message.toJson()).doesNotContain(value);
            assertThat(message.structuredJson()).doesNotContain(value);
            assertThat(message.texts().emailSubject()).doesNotContain(value);
            assertThat(message.summary()).doesNotContain(value);
            assertThat(message.attributes().values()).doesNotContain(value);
        }
        assertThat(message.attributes()).containsOnlyKeys("schemaVersion", "region", "category", "severity",
                "alertId", "kind");
    }

    /** The stream image as the SDK's attribute values (outbox items hold strings and numbers only). */
    private static Map<String, AttributeValue> sdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new HashMap<>();
        image.forEach((name, value) -> {
            assertThat(value.getS() != null || value.getN() != null).as("%s is a string or a number", name).isTrue();
            item.put(name, value.getS() != null
                    ? AttributeValue.fromS(value.getS()) : AttributeValue.fromN(value.getN()));
        });
        return item;
    }
}
