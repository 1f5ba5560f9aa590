package kz.senim.cases.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

public final class DynamoDbCases implements Cases {

    private static final Set<String> QUEUE_KEY = Set.of(CasesTable.PK, CasesTable.SK, CaseItems.QUEUE_PK,
            CaseItems.QUEUE_SK);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContentWrites content;

    public DynamoDbCases(DynamoDbClient dynamoDb, String table, ContentWrites content) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.content = content;
    }

    @Override
    public Optional<CaseFile> find(Reference reference) {
        return CasesTable.item(dynamoDb, table, CaseItems.key(reference)).map(CaseItems::fromItem);
    }

    @Override
    public QueuePage queue(QueueQuery query) {
        String partition = CaseItems.queuePartition(query.region());
        Map<String, String> names = new HashMap<>(Map.of("#queue", CaseItems.QUEUE_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":queue", AttributeValue.fromS(partition)));
        List<String> filters = new ArrayList<>();
        query.status().ifPresent(s -> filter("status", s.code(), names, values, filters));
        query.severity().ifPresent(s -> filter("severity", s.code(), names, values, filters));
        query.category().ifPresent(c -> filter("category", c.code(), names, values, filters));
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .indexName(CaseItems.QUEUE_INDEX)
                .keyConditionExpression("#queue = :queue")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(true);
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        // A cursor is taken back only for the region queue it came from.
        CasesTable.Page<CaseFile> page = CasesTable.page(dynamoDb, request.build(), query.limit(),
                query.cursor().map(cursor -> Cursors.decode(cursor, QUEUE_KEY, CaseItems.QUEUE_PK, partition)),
                CaseItems::fromItem);
        return new QueuePage(page.items(), page.nextCursor());
    }

    /** The change and its audit entry; a reason the change gave is sealed, and its key goes with them. */
    @Override
    public SaveOutcome save(CaseFile changed, AuditEntry entry) {
        ContentWrites.Write write = content.of(changed.reference());
        List<TransactWriteItem> writes = write.withNewKey(List.of(CaseItems.update(table, changed, write),
                AuditItems.put(table, entry)));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException cancelled) {
            if (CasesTable.lostRace(cancelled, 0)) {
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
}
