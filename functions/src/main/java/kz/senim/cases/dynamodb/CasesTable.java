package kz.senim.cases.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The cases table's own home: its keys ({@code pk=CASE#<reference>} for everything kept about a case, {@code sk} per
 * item, {@code kind} naming the item), and what its adapters do alike: read one item, page through an index, tell a
 * lost race. Each item's mapper lives beside it in this package ({@link CaseItems}, {@link AlertItems},
 * {@link AuditItems}, {@link StaffKeyItems}); a feature's own items live in its adapter.
 */
public final class CasesTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String KIND = "kind";

    /** A filter may drop most of what a query reads, so a page follows DynamoDB's pages, but not for ever. */
    private static final int MAX_QUERIES_PER_PAGE = 10;
    /** Fixed width, so a sort key orders by time ({@code Instant.toString} drops trailing zeros). */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Cancellation reasons of a writer that lost to another: a condition failed, or a transaction was under way. */
    private static final Set<String> LOST_RACE = Set.of("ConditionalCheckFailed", "TransactionConflict");

    private CasesTable() {
    }

    /** The partition of everything kept about a case. */
    public static String casePartition(Reference reference) {
        return "CASE#" + reference.value();
    }

    /** {@code instant} as a sort key (or its start) that orders by time, to the nanosecond. */
    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    /** The key of the item {@code sortKey} of a case. */
    public static Map<String, AttributeValue> key(Reference reference, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(casePartition(reference)), SK, AttributeValue.fromS(sortKey));
    }

    /** Up to a limit of items, and the cursor of the next page when there may be more. */
    public record Page<T>(List<T> items, Optional<String> nextCursor) {
    }

    /** The item under {@code key}, read consistently; empty when there is none. */
    public static Optional<Map<String, AttributeValue>> item(DynamoDbClient dynamoDb, String table,
            Map<String, AttributeValue> key) {
        try {
            GetItemResponse response = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(key));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    /**
     * Up to {@code limit} items that {@code query} (an index query, with its filter if any) finds after
     * {@code startKey}, in index order.
     */
    public static <T> Page<T> page(DynamoDbClient dynamoDb, QueryRequest query, int limit,
            Optional<Map<String, AttributeValue>> startKey, Function<Map<String, AttributeValue>, T> read) {
        Map<String, AttributeValue> next = startKey.orElse(null);
        List<T> found = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_QUERIES_PER_PAGE && found.size() < limit; i++) {
                QueryRequest.Builder request = query.toBuilder().limit(limit - found.size());
                if (next != null) {
                    request.exclusiveStartKey(next);
                }
                QueryResponse response = dynamoDb.query(request.build());
                response.items().stream().map(read).forEach(found::add);
                next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
                if (next == null) {
                    break;
                }
            }
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
        return new Page<>(found, Optional.ofNullable(next).map(Cursors::encode));
    }

    /** Whether the transaction was cancelled because of item {@code index} losing a race (nothing was written). */
    public static boolean lostRace(TransactionCanceledException cancelled, int index) {
        if (!cancelled.hasCancellationReasons() || cancelled.cancellationReasons().size() <= index) {
            return false;
        }
        CancellationReason reason = cancelled.cancellationReasons().get(index);
        return reason != null && LOST_RACE.contains(reason.code());
    }
}
