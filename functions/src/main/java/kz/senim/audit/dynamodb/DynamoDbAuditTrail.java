package kz.senim.audit.dynamodb;

import java.util.List;
import java.util.Map;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CasesTable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

public final class DynamoDbAuditTrail implements AuditTrail {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAuditTrail(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(AuditItems.toItem(entry)));
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("audit trail unavailable", e);
        }
    }

    @Override
    public List<AuditEntry> entries(Reference reference) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :audit)")
                            .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#sk", CasesTable.SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", AttributeValue.fromS(CasesTable.casePartition(reference)),
                                    ":audit", AttributeValue.fromS(AuditItems.SK_PREFIX))))
                    .items().stream().map(AuditItems::fromItem).toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("audit trail unavailable", e);
        }
    }
}
