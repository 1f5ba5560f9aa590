package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.List;
import java.util.Map;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * The event-source filter against stream records shaped as Lambda delivers them
 * ({@code events/dynamodb-stream-cases-table.json}): a report, an alert, the alert marked published, an escalation
 * page, an idempotency record, and that record's deletion by TTL.
 */
class EventFilterTest {

    private static final List<DynamodbEvent.DynamodbStreamRecord> RECORDS =
            EventLoader.loadDynamoDbEvent("events/dynamodb-stream-cases-table.json").getRecords();

    /** The records of the fixture that pass, each as "eventName sk". */
    private static List<String> passing(String... patterns) {
        EventFilter filter = EventFilter.of(List.of(patterns));
        return RECORDS.stream().filter(filter).map(EventFilterTest::label).toList();
    }

    private static String label(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getEventName() + " " + record.getDynamodb().getKeys().get("sk").getS();
    }

    private static DynamodbEvent.DynamodbStreamRecord insert(Map<String, AttributeValue> image) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withNewImage(image));
        return record;
    }

    @Test
    void theFixtureHoldsEveryKindOfRecordTheCasesTableStreams() {
        assertThat(RECORDS).extracting(EventFilterTest::label).containsExactly(
                "INSERT REPORT",
                "INSERT ALERT#kz-75-commission",
                "MODIFY ALERT#kz-75-commission",
                "INSERT ALERT#national-secretariat#E2",
                "INSERT IDEMPOTENCY",
                "REMOVE IDEMPOTENCY");
        assertThat(RECORDS.getLast().getUserIdentity().getType()).isEqualTo("Service");
    }

    @Test
    void theTemplatesFilterWakesTheDispatcherForNewAlertsAndPagesOnly() {
        List<DynamoDbEventSource> sources = DynamoDbEventSource.of(SamTemplate.load(), "AlertDispatcherFunction");
        assertThat(sources).hasSize(1);

        List<String> passed = RECORDS.stream().filter(sources.getFirst().settings().filter())
                .map(EventFilterTest::label).toList();

        assertThat(passed).containsExactly("INSERT ALERT#kz-75-commission", "INSERT ALERT#national-secretariat#E2");
    }

    @Test
    void withoutPatternsEveryRecordPasses() {
        assertThat(EventFilter.of(List.of()).test(insert(Map.of()))).isTrue();
        assertThat(passing()).hasSize(RECORDS.size());
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
                "{\"dynamodb\":{\"NewImage\":{\"publishedAt\":{\"S\":[{\"exists\":false}]},"
                        + "\"kind\":{\"S\":[{\"anything-but\":[\"REPORT\"]}]}}}}"));

        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("ALERT"))))).isTrue();
        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("REPORT"))))).isFalse();
        assertThat(filter.test(insert(Map.of("kind", new AttributeValue().withS("ALERT"),
                "publishedAt", new AttributeValue().withS("2026-01-01T00:00:00Z"))))).isFalse();
    }

    @Test
    void existsLooksAtLeavesOnlyAsInAwsSoAnAttributeIsNamedWithItsType() {
        EventFilter onTheAttribute = EventFilter.of(List.of(
                "{\"dynamodb\":{\"NewImage\":{\"publishedAt\":[{\"exists\":false}]}}}"));
        var published = insert(Map.of("publishedAt", new AttributeValue().withS("2026-01-01T00:00:00Z")));

        assertThat(EventFilter.of(List.of("{\"dynamodb\":{\"NewImage\":{\"publishedAt\":{\"S\":[{\"exists\":true}]}}}}"))
                .test(published)).isTrue();
        assertThat(onTheAttribute.test(published)).as("publishedAt itself is no leaf: {\"S\": ...} is").isTrue();
    }

    @Test
    void prefixAndSuffixMatchTheStartOrEndOfAString() {
        assertThat(passing("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"ALERT#\"}]}}}}")).containsExactly(
                "INSERT ALERT#kz-75-commission", "MODIFY ALERT#kz-75-commission",
                "INSERT ALERT#national-secretariat#E2");
        assertThat(passing("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"suffix\":\"#E2\"}]}}}}"))
                .containsExactly("INSERT ALERT#national-secretariat#E2");
    }

    @Test
    void numericComparesTheRecordsNumbersButNotDynamoDbNumbersWhichLambdaHandsOverAsStrings() {
        assertThat(passing("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",400,\"<=\",1000]}]}}"))
                .containsExactly("INSERT ALERT#kz-75-commission", "MODIFY ALERT#kz-75-commission");
        assertThat(passing("{\"dynamodb\":{\"ApproximateCreationDateTime\":[{\"numeric\":[\">=\",1795436400]}]}}"))
                .containsExactly("INSERT ALERT#national-secretariat#E2", "REMOVE IDEMPOTENCY");
        assertThat(passing("{\"dynamodb\":{\"NewImage\":{\"escalationStep\":{\"N\":[\"2\"]}}}}"))
                .containsExactly("INSERT ALERT#national-secretariat#E2");
        assertThat(passing("{\"dynamodb\":{\"NewImage\":{\"escalationStep\":{\"N\":[{\"numeric\":[\">\",1]}]}}}}"))
                .as("{\"N\": \"2\"} is a string to the filter").isEmpty();
    }

    @Test
    void equalsIgnoreCaseAndWildcardMatchStrings() {
        assertThat(passing("{\"eventName\":[\"INSERT\"],"
                + "\"dynamodb\":{\"NewImage\":{\"severity\":{\"S\":[{\"equals-ignore-case\":\"HIGH\"}]}}}}"))
                .containsExactly("INSERT REPORT", "INSERT ALERT#kz-75-commission",
                        "INSERT ALERT#national-secretariat#E2");
        assertThat(passing("{\"dynamodb\":{\"NewImage\":{\"alertId\":{\"S\":[{\"wildcard\":\"*.national-secretariat.e*\"}]}}}}"))
                .containsExactly("INSERT ALERT#national-secretariat#E2");
    }

    @Test
    void anythingButAPrefixKeepsEverythingElse() {
        assertThat(passing("{\"eventName\":[\"INSERT\"],"
                + "\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":[{\"anything-but\":{\"prefix\":\"IDEM\"}}]}}}}"))
                .containsExactly("INSERT REPORT", "INSERT ALERT#kz-75-commission",
                        "INSERT ALERT#national-secretariat#E2");
    }

    @Test
    void orJoinsAlternativesWithinOnePattern() {
        assertThat(passing("{\"$or\":[{\"eventName\":[\"REMOVE\"]},"
                + "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"page\"]}}}}]}"))
                .containsExactly("INSERT ALERT#national-secretariat#E2", "REMOVE IDEMPOTENCY");
    }

    @Test
    void existsComparesTheOldAndNewImagesOfAChange() {
        String justPublished = "{\"eventName\":[\"MODIFY\"],\"dynamodb\":{"
                + "\"NewImage\":{\"publishedAt\":{\"S\":[{\"exists\":true}]}},"
                + "\"OldImage\":{\"publishedAt\":{\"S\":[{\"exists\":false}]}}}}";

        assertThat(passing(justPublished)).containsExactly("MODIFY ALERT#kz-75-commission");
    }

    @Test
    void deletionsByTtlAreKnownByTheirUserIdentity() {
        assertThat(passing("{\"userIdentity\":{\"type\":[\"Service\"],\"principalId\":[\"dynamodb.amazonaws.com\"]}}"))
                .containsExactly("REMOVE IDEMPOTENCY");
    }

    @Test
    void booleansAndSetElementsMatchAsTheyAre() {
        assertThat(passing("{\"dynamodb\":{\"NewImage\":{\"childInvolved\":{\"BOOL\":[true]}}}}"))
                .containsExactly("INSERT REPORT");
        assertThat(passing("{\"dynamodb\":{\"NewImage\":{\"involvedOrganisations\":{\"SS\":[\"ngo-shelter-almaty\"]}}}}"))
                .containsExactly("INSERT REPORT");
    }

    @Test
    void aPatternTheMatcherCannotReadStopsTheRunnerInsteadOfLettingEverythingThrough() {
        assertThatThrownBy(() -> EventFilter.of(List.of("{\"dynamodb\":{\"SizeBytes\":[{\"bigger-than\":10}]}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bigger-than");
        assertThatThrownBy(() -> EventFilter.of(List.of("{\"eventName\":\"INSERT\"}")))
                .as("a leaf must be an array").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventName");
        assertThatThrownBy(() -> EventFilter.of(List.of("[\"INSERT\"]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventFilter.of(List.of("{\"eventName\":[\"INSERT\"]")))
                .as("not JSON").isInstanceOf(IllegalArgumentException.class);
    }
}
