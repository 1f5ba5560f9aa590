package kz.senim.casework.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.alerting.dynamodb.AlertItems;
import kz.senim.audit.AuditEntry;
import kz.senim.audit.dynamodb.AuditItems;
import kz.senim.casework.CaseFile;
import kz.senim.casework.Cases;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.intake.dynamodb.ReportItems;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

public final class DynamoDbCases implements Cases {

    private static final int MAX_QUERIES_PER_PAGE = 10;
    /** Cancellation reasons of a writer that lost to another: the version moved on, or a transaction was under way. */
    private static final Set<String> LOST_RACE = Set.of("ConditionalCheckFailed", "TransactionConflict");
    private static final Set<String> QUEUE_KEY = Set.of(AlertItems.PK, AlertItems.SK, ReportItems.QUEUE_PK,
            ReportItems.QUEUE_SK);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCases(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<CaseFile> find(Reference reference) {
        try {
            GetItemResponse response = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(CaseItems.key(reference)));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(CaseItems.fromItem(response.item())) : Optional.empty();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public QueuePage queue(QueueQuery query) {
        Map<String, String> names = new HashMap<>(Map.of("#queue", ReportItems.QUEUE_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":queue",
                AttributeValue.fromS(ReportItems.queuePartition(query.region()))));
        List<String> filters = new ArrayList<>();
        query.status().ifPresent(s -> filter("status", s.code(), names, values, filters));
        query.severity().ifPresent(s -> filter("severity", s.code(), names, values, filters));
        query.category().ifPresent(c -> filter("category", c.code(), names, values, filters));
        Map<String, AttributeValue> startKey = query.cursor().map(cursor -> decodeCursor(cursor, query)).orElse(null);
        List<CaseFile> found = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_QUERIES_PER_PAGE && found.size() < query.limit(); i++) {
                QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                        .indexName(ReportItems.QUEUE_INDEX)
                        .keyConditionExpression("#queue = :queue")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(true)
                        .limit(query.limit() - found.size());
                if (!filters.isEmpty()) {
                    request.filterExpression(String.join(" AND ", filters));
                }
                if (startKey != null) {
                    request.exclusiveStartKey(startKey);
                }
                QueryResponse response = dynamoDb.query(request.build());
                response.items().stream().map(CaseItems::fromItem).forEach(found::add);
                startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
                if (startKey == null) {
                    break;
                }
            }
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
        return new QueuePage(found, Optional.ofNullable(startKey).map(DynamoDbCases::encodeCursor));
    }

    @Override
    public SaveOutcome save(CaseFile changed, AuditEntry entry) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(CaseItems.update(table, changed),
                    AuditItems.put(table, entry)));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.hasCancellationReasons() && !cancelled.cancellationReasons().isEmpty()
                    && LOST_RACE.contains(cancelled.cancellationReasons().getFirst().code())) {
                return new SaveOutcome.VersionConflict();
            }
            throw new StorageUnavailable("case change not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    private static void filter(String attribute, String value, Map<String, String> names,
            Map<String, AttributeValue> values, List<String> filters) {
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, AttributeValue.fromS(value));
        filters.add("#" + attribute + " = :" + attribute);
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        return Cursors.encode(key);
    }

    /** A cursor is taken back only for the region queue it came from. */
    private static Map<String, AttributeValue> decodeCursor(String cursor, QueueQuery query) {
        return Cursors.decode(cursor, QUEUE_KEY, ReportItems.QUEUE_PK, ReportItems.queuePartition(query.region()));
    }
}
