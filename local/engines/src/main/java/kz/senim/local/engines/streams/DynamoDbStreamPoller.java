package kz.senim.local.engines.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What a Lambda event source mapping does for a DynamoDB stream, for a local engine: reads every shard of the table's
 * latest stream (parents before children, new shards found as they appear), keeps the records the filter accepts and
 * hands them to the consumer in batches of at most {@link Settings#batchSize()}, in order, one batch at a time.
 *
 * <p>When the consumer's {@link StreamsEventResponse} lists {@code batchItemFailures} (or it throws), the records
 * before the lowest failed sequence number count as processed and delivery starts again from that record after a
 * backoff, as Lambda does with {@code ReportBatchItemFailures}. After {@link Settings#maximumRetryAttempts()} retries
 * of the same record the failed part of the batch is dropped and logged (Lambda would send it to the on-failure
 * destination). A failure naming no record of the batch fails the whole batch.
 *
 * <p>Positions are kept in memory: a new poller starts at {@link Settings#startingPosition()} again, so consumers must
 * be safe to run twice, exactly as with Lambda. Runs on one virtual thread; {@link #close()} stops it.
 */
public final class DynamoDbStreamPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DynamoDbStreamPoller.class.getName());
    private static final int RECORDS_PER_READ = 1000;
    private static final Duration DISCOVERY_INTERVAL = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How the stream is read and delivered.
     *
     * @param batchSize records per invocation, 1 to 10 000 (Lambda's {@code BatchSize})
     * @param maximumRetryAttempts retries of a failing record before it is dropped ({@code MaximumRetryAttempts})
     * @param startingPosition {@code TRIM_HORIZON} or {@code LATEST}, for the shards open when the poller starts
     * @param pollInterval pause between reads of a shard that had nothing new
     * @param initialBackoff pause before the first retry; it doubles with every retry up to {@code maximumBackoff}
     * @param filter the records the consumer gets (Lambda's {@code FilterCriteria}); the others are skipped
     */
    public record Settings(int batchSize, int maximumRetryAttempts, ShardIteratorType startingPosition,
                           Duration pollInterval, Duration initialBackoff, Duration maximumBackoff,
                           Predicate<DynamodbEvent.DynamodbStreamRecord> filter) {

        public Settings {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("batchSize must be 1-10000: " + batchSize);
            }
            if (maximumRetryAttempts < 0) {
                throw new IllegalArgumentException("maximumRetryAttempts must not be negative: " + maximumRetryAttempts);
            }
            if (startingPosition != ShardIteratorType.TRIM_HORIZON && startingPosition != ShardIteratorType.LATEST) {
                throw new IllegalArgumentException("startingPosition must be TRIM_HORIZON or LATEST: " + startingPosition);
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maximumBackoff, "maximumBackoff");
            Objects.requireNonNull(filter, "filter");
        }

        /** Batches of 10, 10 retries, from TRIM_HORIZON, every record, polled every 200 ms, backoff 100 ms to 2 s. */
        public static Settings defaults() {
            return new Settings(10, 10, ShardIteratorType.TRIM_HORIZON, Duration.ofMillis(200),
                    Duration.ofMillis(100), Duration.ofSeconds(2), record -> true);
        }

        public Settings withBatchSize(int size) {
            return new Settings(size, maximumRetryAttempts, startingPosition, pollInterval, initialBackoff,
                    maximumBackoff, filter);
        }

        public Settings withMaximumRetryAttempts(int attempts) {
            return new Settings(batchSize, attempts, startingPosition, pollInterval, initialBackoff, maximumBackoff,
                    filter);
        }

        public Settings withStartingPosition(ShardIteratorType position) {
            return new Settings(batchSize, maximumRetryAttempts, position, pollInterval, initialBackoff,
                    maximumBackoff, filter);
        }

        public Settings withPollInterval(Duration interval) {
            return new Settings(batchSize, maximumRetryAttempts, startingPosition, interval, initialBackoff,
                    maximumBackoff, filter);
        }

        public Settings withBackoff(Duration initial, Duration maximum) {
            return new Settings(batchSize, maximumRetryAttempts, startingPosition, pollInterval, initial, maximum,
                    filter);
        }

        public Settings withFilter(Predicate<DynamodbEvent.DynamodbStreamRecord> recordFilter) {
            return new Settings(batchSize, maximumRetryAttempts, startingPosition, pollInterval, initialBackoff,
                    maximumBackoff, recordFilter);
        }

        Duration backoff(int attempt) {
            long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
            return Duration.ofMillis(Math.min(millis, maximumBackoff.toMillis()));
        }
    }

    private final DynamoDbStreamsClient streams;
    private final String table;
    private final String streamArn;
    private final Settings settings;
    private final Function<DynamodbEvent, StreamsEventResponse> consumer;
    private final Map<String, ShardReader> shards = new LinkedHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;
    private long nextDiscovery;
    private boolean discoveredOnce;

    private DynamoDbStreamPoller(DynamoDbStreamsClient streams, String table, String streamArn, Settings settings,
                                 Function<DynamodbEvent, StreamsEventResponse> consumer) {
        this.streams = streams;
        this.table = table;
        this.streamArn = streamArn;
        this.settings = settings;
        this.consumer = consumer;
        this.thread = Thread.ofVirtual().name("stream-" + table).unstarted(this::run);
    }

    /**
     * Starts polling the latest stream of {@code table}.
     *
     * @throws IllegalStateException if the table has no stream
     */
    public static DynamoDbStreamPoller start(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table,
                                             Settings settings,
                                             Function<DynamodbEvent, StreamsEventResponse> consumer) {
        String streamArn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("table " + table + " has no stream: enable its StreamSpecification");
        }
        DynamoDbStreamPoller poller = new DynamoDbStreamPoller(streams, table, streamArn, settings,
                Objects.requireNonNull(consumer, "consumer"));
        poller.thread.start();
        return poller;
    }

    /** The ARN of the stream being read (the records' {@code eventSourceARN}). */
    public String streamArn() {
        return streamArn;
    }

    /** Stops reading; a batch being delivered is finished first (for up to 10 seconds). Idempotent. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            if (!thread.join(STOP_TIMEOUT)) {
                thread.interrupt();
                LOG.log(Level.WARNING, "stream poller of {0} did not stop within {1}; interrupted it", table,
                        STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int failuresInARow = 0;
        while (!stopped.get()) {
            try {
                boolean progressed = pollOnce();
                failuresInARow = 0;
                if (!progressed) {
                    pause(settings.pollInterval());
                }
            } catch (RuntimeException e) {
                if (stopped.get()) {
                    break;
                }
                failuresInARow++;
                LOG.log(Level.WARNING, "reading the stream of {0} failed ({1}); trying again", table,
                        e.getClass().getSimpleName());
                pause(settings.backoff(failuresInARow));
            }
        }
    }

    /** Sleeps, unless {@link #close()} wakes the thread first. */
    private void pause(Duration duration) {
        if (!stopped.get()) {
            LockSupport.parkNanos(this, duration.toNanos());
        }
    }

    /** One pass over the shards; true if anything was read or delivered. */
    private boolean pollOnce() {
        long now = System.nanoTime();
        if (!discoveredOnce || now - nextDiscovery >= 0 || shards.values().stream().allMatch(s -> s.finished)) {
            discover();
            nextDiscovery = now + DISCOVERY_INTERVAL.toNanos();
        }
        boolean progressed = false;
        for (ShardReader shard : List.copyOf(shards.values())) {
            if (stopped.get()) {
                return progressed;
            }
            if (!shard.finished && parentDone(shard)) {
                progressed |= shard.step();
            }
        }
        return progressed;
    }

    private boolean parentDone(ShardReader shard) {
        ShardReader parent = shard.parentId == null ? null : shards.get(shard.parentId);
        return parent == null || parent.finished;
    }

    private void discover() {
        ShardIteratorType position = discoveredOnce ? ShardIteratorType.TRIM_HORIZON : settings.startingPosition();
        Set<String> described = new HashSet<>();
        String start = null;
        do {
            String exclusiveStart = start;
            DescribeStreamResponse response = streams.describeStream(r -> r.streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart));
            for (Shard shard : response.streamDescription().shards()) {
                described.add(shard.shardId());
                shards.putIfAbsent(shard.shardId(), new ShardReader(shard.shardId(), shard.parentShardId(), position));
            }
            start = response.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        // Shards past the stream's retention are gone; forget those already read to the end.
        shards.values().removeIf(s -> s.finished && !described.contains(s.shardId));
        discoveredOnce = true;
    }

    /** Position, pending records and retry state of one shard. */
    private final class ShardReader {
        final String shardId;
        final String parentId;
        final ShardIteratorType startingPosition;
        final Deque<DynamodbEvent.DynamodbStreamRecord> pending = new ArrayDeque<>();
        String iterator;
        String lastSequenceRead;
        boolean closed;
        boolean finished;
        String retrying;
        int attempts;
        long retryAt;

        ShardReader(String shardId, String parentId, ShardIteratorType startingPosition) {
            this.shardId = shardId;
            this.parentId = parentId;
            this.startingPosition = startingPosition;
        }

        boolean step() {
            if (!pending.isEmpty()) {
                if (System.nanoTime() - retryAt < 0) {
                    return false;
                }
                deliver();
                return true;
            }
            if (closed) {
                finished = true;
                return true;
            }
            return read();
        }

        private boolean read() {
            if (iterator == null) {
                iterator = acquireIterator();
            }
            GetRecordsResponse response;
            try {
                String current = iterator;
                response = streams.getRecords(r -> r.shardIterator(current).limit(RECORDS_PER_READ));
            } catch (ExpiredIteratorException expired) {
                iterator = null;
                return true;
            } catch (TrimmedDataAccessException trimmed) {
                if (lastSequenceRead != null) {
                    LOG.log(Level.WARNING, "stream of {0}: records of shard {1} expired before they were read",
                            table, shardId);
                }
                lastSequenceRead = null;
                iterator = null;
                return true;
            } catch (ResourceNotFoundException gone) {
                closed = true;
                return true;
            }
            for (Record record : response.records()) {
                lastSequenceRead = record.dynamodb().sequenceNumber();
                DynamodbEvent.DynamodbStreamRecord converted = StreamRecords.toLambda(record, streamArn);
                if (settings.filter().test(converted)) {
                    pending.addLast(converted);
                }
            }
            iterator = response.nextShardIterator();
            if (iterator == null) {
                closed = true;
            } else if (lastSequenceRead == null && startingPosition == ShardIteratorType.TRIM_HORIZON) {
                // DynamoDB Local: an iterator that started on an empty shard fails with TrimmedDataAccessException
                // once records arrive, so until the first record take a fresh TRIM_HORIZON iterator every time.
                iterator = null;
            }
            return !response.records().isEmpty() || closed;
        }

        private String acquireIterator() {
            String after = lastSequenceRead;
            ShardIteratorType type = after == null ? startingPosition : ShardIteratorType.AFTER_SEQUENCE_NUMBER;
            return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                    .sequenceNumber(after)).shardIterator();
        }

        private void deliver() {
            List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : pending) {
                if (batch.size() == settings.batchSize()) {
                    break;
                }
                batch.add(record);
            }
            int failedAt = invoke(batch);
            if (failedAt < 0) {
                batch.forEach(r -> pending.removeFirst());
                retrying = null;
                attempts = 0;
                return;
            }
            for (int i = 0; i < failedAt; i++) {
                pending.removeFirst();
            }
            String checkpoint = batch.get(failedAt).getDynamodb().getSequenceNumber();
            attempts = checkpoint.equals(retrying) ? attempts + 1 : 1;
            retrying = checkpoint;
            if (attempts > settings.maximumRetryAttempts()) {
                int dropped = batch.size() - failedAt;
                for (int i = 0; i < dropped; i++) {
                    pending.removeFirst();
                }
                LOG.log(Level.WARNING, "stream of {0}: gave up on {1} record(s) from sequence number {2} after {3}"
                        + " attempts", table, dropped, checkpoint, attempts);
                retrying = null;
                attempts = 0;
                return;
            }
            retryAt = System.nanoTime() + settings.backoff(attempts).toNanos();
        }

        /** Index of the record to deliver again from, or -1 when the whole batch succeeded. */
        private int invoke(List<DynamodbEvent.DynamodbStreamRecord> batch) {
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(List.copyOf(batch));
            StreamsEventResponse response;
            try {
                response = consumer.apply(event);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "stream of {0}: the consumer failed on a batch of {1} ({2})", table,
                        batch.size(), failure.getClass().getName());
                return 0;
            }
            if (response == null || response.getBatchItemFailures() == null
                    || response.getBatchItemFailures().isEmpty()) {
                return -1;
            }
            int lowest = Integer.MAX_VALUE;
            for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                int index = indexOf(batch, failure == null ? null : failure.getItemIdentifier());
                if (index < 0) {
                    return 0; // a failure that names no record of the batch fails all of it
                }
                lowest = Math.min(lowest, index);
            }
            return lowest;
        }

        private static int indexOf(List<DynamodbEvent.DynamodbStreamRecord> batch, String sequenceNumber) {
            if (sequenceNumber == null || sequenceNumber.isBlank()) {
                return -1;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (sequenceNumber.equals(batch.get(i).getDynamodb().getSequenceNumber())) {
                    return i;
                }
            }
            return -1;
        }
    }
}
