package kz.senim.overview.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.RegionCode;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.overview.Figures;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The overview's figures from the cases table's indexes: a counting query of each region's {@code QueueIndex}
 * partition (cases not closed), and one query of the sparse {@code PendingAlertsIndex} reading only region and time.
 */
public final class DynamoDbFigures implements Figures {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbFigures(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public long openCases(RegionCode region) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).indexName(CaseItems.QUEUE_INDEX)
                            .keyConditionExpression("#queue = :queue")
                            .filterExpression("#status <> :closed")
                            .expressionAttributeNames(Map.of("#queue", CaseItems.QUEUE_PK, "#status", CaseItems.STATUS))
                            .expressionAttributeValues(Map.of(
                                    ":queue", AttributeValue.fromS(CaseItems.queuePartition(region)),
                                    ":closed", AttributeValue.fromS(CaseStatus.CLOSED.code())))
                            .select(Select.COUNT))
                    .stream().mapToLong(page -> page.count()).sum();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public List<UnacknowledgedAlert> unacknowledgedAlerts() {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).indexName(AlertItems.PENDING_INDEX)
                            .keyConditionExpression("#pending = :pending")
                            .projectionExpression("#region, #createdAt")
                            .expressionAttributeNames(Map.of("#pending", AlertItems.PENDING_PK,
                                    "#region", AlertItems.REGION, "#createdAt", AlertItems.CREATED_AT))
                            .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(AlertItems.PENDING))))
                    .items().stream()
                    .map(item -> new UnacknowledgedAlert(new RegionCode(item.get(AlertItems.REGION).s()),
                            Instant.parse(item.get(AlertItems.CREATED_AT).s())))
                    .toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }
}
