package kz.senim.audit.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.FiguresRead;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CasesTable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The audit trail in the cases table: a case's entries in its partition ({@link AuditItems}); reads of figures about
 * no single case in one partition per day, {@code pk=FIGURES_AUDIT#<yyyy-MM-dd>} (UTC), sorted by time like a case's.
 */
public final class DynamoDbAuditTrail implements AuditTrail {

    static final String FIGURES_PARTITION_PREFIX = "FIGURES_AUDIT#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAuditTrail(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(AuditEntry entry) {
        put(AuditItems.toItem(entry));
    }

    @Override
    public List<AuditEntry> entries(Reference reference) {
        return items(CasesTable.casePartition(reference)).stream().map(AuditItems::fromItem).toList();
    }

    @Override
    public void record(FiguresRead read) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CasesTable.PK, AttributeValue.fromS(figuresPartition(LocalDate.ofInstant(read.at(), ZoneOffset.UTC))));
        item.put(CasesTable.SK, AttributeValue.fromS(AuditItems.sortKey(read.at())));
        item.put(CasesTable.KIND, AttributeValue.fromS("AUDIT"));
        item.put("at", AttributeValue.fromS(read.at().toString()));
        item.put("action", AttributeValue.fromS(read.action()));
        AuditItems.putActor(item, read.reader());
        AuditItems.putDetails(item, read.details());
        put(item);
    }

    @Override
    public List<FiguresRead> figuresReads(LocalDate day) {
        return items(figuresPartition(day)).stream()
                .map(item -> new FiguresRead(Instant.parse(item.get("at").s()),
                        (Actor.Person) AuditItems.actor(item), item.get("action").s(), AuditItems.details(item)))
                .toList();
    }

    private void put(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(item));
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("audit trail unavailable", e);
        }
    }

    /** The audit items of a partition, in time order. */
    private List<Map<String, AttributeValue>> items(String partition) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :audit)")
                            .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#sk", CasesTable.SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", AttributeValue.fromS(partition),
                                    ":audit", AttributeValue.fromS(AuditItems.SK_PREFIX))))
                    .items().stream().toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("audit trail unavailable", e);
        }
    }

    private static String figuresPartition(LocalDate day) {
        return FIGURES_PARTITION_PREFIX + day;
    }
}
