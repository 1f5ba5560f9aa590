package kz.senim.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import kz.senim.local.engines.streams.StreamRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's DynamoDB stream the way the event source mapping does, by hand: DescribeTable (LatestStreamArn),
 * DescribeStream (shards), GetShardIterator (TRIM_HORIZON), GetRecords; and turns the records into the
 * {@link DynamodbEvent} Lambda hands the dispatcher ({@link StreamRecords}).
 */
public final class CasesStream {

    /** The event source mapping's FilterCriteria in infrastructure/template.yaml, as a predicate. */
    public static final String ALERT_INSERTS_PATTERN =
            "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":[\"ALERT\"]}}}}";
    public static final Predicate<DynamodbEvent.DynamodbStreamRecord> ALERT_INSERTS = record -> {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getNewImage() == null) {
            return false;
        }
        AttributeValue kind = record.getDynamodb().getNewImage().get("kind");
        return kind != null && "ALERT".equals(kind.getS());
    };

    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String table;

    public CasesStream(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.table = table;
    }

    public String streamArn() {
        String arn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException(table + " has no stream");
        }
        return arn;
    }

    /** Every record the stream holds now, as Lambda would deliver them, in order within each shard. */
    public List<DynamodbEvent.DynamodbStreamRecord> records() {
        String arn = streamArn();
        List<Record> all = new ArrayList<>();
        for (Shard shard : shards(arn)) {
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(current));
                all.addAll(response.records());
                // an open shard always hands out a next iterator: stop at its current end
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        }
        return all.stream().map(record -> StreamRecords.toLambda(record, arn)).toList();
    }

    /** Waits (boundedly) until the stream holds {@code count} records the filter accepts, and returns them. */
    public List<DynamodbEvent.DynamodbStreamRecord> await(Predicate<DynamodbEvent.DynamodbStreamRecord> filter, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DynamodbEvent.DynamodbStreamRecord> matching;
        do {
            matching = records().stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the stream of " + table + " holds " + matching.size() + " of " + count
                + " expected records after " + timeout);
    }

    public static DynamodbEvent event(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.copyOf(records));
        return event;
    }

    private List<Shard> shards(String arn) {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            DescribeStreamResponse response = streams.describeStream(r -> r.streamArn(arn)
                    .exclusiveStartShardId(exclusiveStart));
            shards.addAll(response.streamDescription().shards());
            start = response.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
