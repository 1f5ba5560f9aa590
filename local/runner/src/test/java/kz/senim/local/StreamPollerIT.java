package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import kz.senim.local.engines.EmbeddedDynamoDb;
import kz.senim.local.engines.streams.DynamoDbStreamPoller;
import kz.senim.local.engines.streams.StreamRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The stream poller of local/engines against DynamoDB Local: batches, partial failures and retries as Lambda does. */
class StreamPollerIT {

    private static final DynamoDbStreamPoller.Settings FAST = DynamoDbStreamPoller.Settings.defaults()
            .withPollInterval(Duration.ofMillis(20))
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Twenty poll intervals of {@link #FAST}: longer than any retry's backoff. */
    private static final Duration QUIET = Duration.ofMillis(400);

    private static EmbeddedDynamoDb dynamoDb;

    @BeforeAll
    static void start() {
        dynamoDb = EmbeddedDynamoDb.inMemory();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
    }

    @Test
    void recordsArriveInOrderInBatchesOfAtMostTenAsLambdaDeliversThem() {
        String table = tableWithStream();
        put(table, 25);
        Recorder recorder = new Recorder(batch -> success());

        try (DynamoDbStreamPoller poller = DynamoDbStreamPoller.start(dynamoDb.client(), dynamoDb.streamsClient(), table,
                FAST, recorder)) {
            recorder.awaitThenQuiet("25 records", delivered -> delivered.size() == 25);

            assertThat(recorder.delivered()).containsExactlyElementsOf(ids(1, 25));
            assertThat(recorder.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 10));
            DynamodbEvent.DynamodbStreamRecord first = recorder.records().getFirst();
            assertThat(first.getEventName()).isEqualTo("INSERT");
            assertThat(first.getEventSource()).isEqualTo(StreamRecords.EVENT_SOURCE);
            assertThat(first.getEventSourceARN()).isEqualTo(poller.streamArn());
            assertThat(first.getDynamodb().getKeys()).containsOnlyKeys("pk");
            assertThat(first.getDynamodb().getNewImage().get("n").getN()).isEqualTo("1");
            assertThat(first.getDynamodb().getNewImage().get("tags").getSS()).containsExactlyInAnyOrder("a", "b");
            assertThat(first.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(first.getDynamodb().getSequenceNumber()).isNotBlank();
            assertThat(first.getDynamodb().getApproximateCreationDateTime()).isNotNull();
        }
    }

    @Test
    void afterAPartialFailureDeliveryStartsAgainFromTheLowestFailedRecord() {
        String table = tableWithStream();
        put(table, 12);
        AtomicInteger failuresLeft = new AtomicInteger(2);
        Recorder recorder = new Recorder(batch -> {
            List<String> failed = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : batch.getRecords()) {
                boolean poison = List.of("item-05", "item-07").contains(id(record));
                if (poison && failuresLeft.get() > 0) {
                    failed.add(record.getDynamodb().getSequenceNumber());
                }
            }
            if (!failed.isEmpty()) {
                failuresLeft.decrementAndGet();
            }
            return failures(failed);
        });

        try (DynamoDbStreamPoller ignored = DynamoDbStreamPoller.start(dynamoDb.client(), dynamoDb.streamsClient(),
                table, FAST, recorder)) {
            // item-12 comes in the batch that fails a second time, then in the one that succeeds
            recorder.awaitThenQuiet("item-12 twice", delivered -> Collections.frequency(delivered, "item-12") == 2);
        }

        List<String> delivered = recorder.delivered();
        assertThat(Collections.frequency(delivered, "item-01")).isEqualTo(1);
        assertThat(Collections.frequency(delivered, "item-04")).isEqualTo(1);
        assertThat(Collections.frequency(delivered, "item-05")).isEqualTo(3);
        assertThat(delivered.subList(delivered.lastIndexOf("item-05"), delivered.size()))
                .containsExactlyElementsOf(ids(5, 12));
    }

    @Test
    void aRecordThatKeepsFailingIsDroppedAfterTheRetriesAndTheRestFlows() {
        String table = tableWithStream();
        put(table, 3);
        Recorder recorder = new Recorder(batch -> failures(batch.getRecords().stream()
                .filter(r -> id(r).equals("item-02")).map(r -> r.getDynamodb().getSequenceNumber()).toList()));

        try (DynamoDbStreamPoller ignored = DynamoDbStreamPoller.start(dynamoDb.client(), dynamoDb.streamsClient(),
                table, FAST.withMaximumRetryAttempts(2).withBatchSize(1), recorder)) {
            recorder.awaitThenQuiet("item-03", delivered -> delivered.contains("item-03"));
        }

        assertThat(recorder.delivered()).containsExactly("item-01", "item-02", "item-02", "item-02", "item-03");
    }

    @Test
    void aConsumerThatThrowsGetsTheWholeBatchAgain() {
        String table = tableWithStream();
        put(table, 3);
        AtomicInteger calls = new AtomicInteger();
        Recorder recorder = new Recorder(batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("cold start failed");
            }
            return success();
        });

        try (DynamoDbStreamPoller ignored = DynamoDbStreamPoller.start(dynamoDb.client(), dynamoDb.streamsClient(),
                table, FAST, recorder)) {
            recorder.awaitThenQuiet("a second delivery", delivered -> delivered.size() == 6);
        }

        assertThat(recorder.delivered()).containsExactly("item-01", "item-02", "item-03",
                "item-01", "item-02", "item-03");
    }

    @Test
    void theFilterKeepsOnlyTheRecordsItsPatternMatches() {
        String table = tableWithStream();
        put(table, 4);
        dynamoDb.client().updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("item-02")))
                .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("99"))));
        put(table, 5);
        Recorder recorder = new Recorder(batch -> success());
        EventFilter odd = EventFilter.of(List.of(
                "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"parity\":{\"S\":[\"odd\"]}}}}"));

        try (DynamoDbStreamPoller ignored = DynamoDbStreamPoller.start(dynamoDb.client(), dynamoDb.streamsClient(),
                table, FAST.withFilter(odd), recorder)) {
            recorder.awaitThenQuiet("item-05", delivered -> delivered.contains("item-05"));
        }

        assertThat(recorder.delivered()).containsExactly("item-01", "item-03", "item-05");
    }

    private static String tableWithStream() {
        String table = "stream-" + UUID.randomUUID();
        dynamoDb.client().createTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return table;
    }

    /** Puts item-01 … item-NN that do not exist yet (numbers 1..count), in order. */
    private static void put(String table, int count) {
        for (int n = 1; n <= count; n++) {
            String id = "item-%02d".formatted(n);
            int number = n;
            try {
                dynamoDb.client().putItem(r -> r.tableName(table).conditionExpression("attribute_not_exists(pk)")
                        .item(Map.of("pk", AttributeValue.fromS(id), "n", AttributeValue.fromN(Integer.toString(number)),
                                "parity", AttributeValue.fromS(number % 2 == 0 ? "even" : "odd"),
                                "tags", AttributeValue.fromSs(List.of("a", "b")))));
            } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
                // already there
            }
        }
    }

    private static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            ids.add("item-%02d".formatted(n));
        }
        return ids;
    }

    private static String id(DynamodbEvent.DynamodbStreamRecord record) {
        return record.getDynamodb().getKeys().get("pk").getS();
    }

    private static StreamsEventResponse success() {
        return StreamsEventResponse.builder().build();
    }

    private static StreamsEventResponse failures(List<String> sequenceNumbers) {
        return StreamsEventResponse.builder().withBatchItemFailures(sequenceNumbers.stream()
                .map(s -> StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(s).build())
                .toList()).build();
    }

    /** A consumer that remembers every delivery. */
    private static final class Recorder implements Function<DynamodbEvent, StreamsEventResponse> {
        private final Function<DynamodbEvent, StreamsEventResponse> behaviour;
        private final List<DynamodbEvent.DynamodbStreamRecord> records = Collections.synchronizedList(new ArrayList<>());
        private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

        Recorder(Function<DynamodbEvent, StreamsEventResponse> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public StreamsEventResponse apply(DynamodbEvent event) {
            records.addAll(event.getRecords());
            batchSizes.add(event.getRecords().size());
            return behaviour.apply(event);
        }

        List<DynamodbEvent.DynamodbStreamRecord> records() {
            return List.copyOf(records);
        }

        List<String> delivered() {
            return records().stream().map(StreamPollerIT::id).toList();
        }

        List<Integer> batchSizes() {
            return List.copyOf(batchSizes);
        }

        /**
         * Waits until {@code done} accepts the deliveries, then for {@link #QUIET} in which nothing more is delivered:
         * a late or repeated delivery fails the test instead of going unseen.
         */
        void awaitThenQuiet(String what, Predicate<List<String>> done) {
            List<String> reached = await(what).atMost(PATIENCE).until(this::delivered, done);
            await("nothing delivered after " + what).atMost(QUIET.plus(PATIENCE)).during(QUIET)
                    .failFast("a delivery after " + what, () -> delivered().size() > reached.size())
                    .until(() -> delivered().size() == reached.size());
        }
    }
}
