package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static DynamodbEvent.DynamodbStreamRecord insert(Map<String, AttributeValue> image) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withNewImage(image));
        return record;
    }

    @Test
    void withoutPatternsEveryRecordPasses() {
        assertThat(EventFilter.of(List.of()).test(insert(Map.of()))).isTrue();
    }

    @Test
    void anyOfSeveralPatternsLetsARecordThrough() {
        EventFilter filter = EventFilter.of(List.of(
                "{\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":[\"ALERT\"]}}}}",
                "{\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":[{\"prefix\":\"REP\"}]}}}}"));

        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("ALERT"))))).isTrue();
        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("REPORT"))))).isTrue();
        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("IDEMPOTENCY"))))).isFalse();
        assertThat(filter.test(insert(Map.of()))).isFalse();
    }

    @Test
    void existsAndAnythingButWork() {
        EventFilter filter = EventFilter.of(List.of(
                "{\"dynamodb\":{\"NewImage\":{\"publishedAt\":[{\"exists\":false}],"
                        + "\"kind\":{\"S\":[{\"anything-but\":[\"REPORT\"]}]}}}}"));

        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("ALERT"))))).isTrue();
        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("REPORT"))))).isFalse();
        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("ALERT"),
                "publishedAt", new AttributeValue().withS("2026-01-01T00:00:00Z"))))).isFalse();
    }

    @Test
    void anOperatorTheRunnerDoesNotKnowStopsItInsteadOfLettingEverythingThrough() {
        assertThatThrownBy(() -> EventFilter.of(List.of("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",10]}]}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric");
    }
}
