package kz.senim.alerting.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.alerting.UnpublishedAlerts;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AlertItems;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The sparse {@code UnpublishedAlertsIndex} of the cases table ({@code gsi4pk=UNPUBLISHED},
 * {@code gsi4sk=<createdAt>#<alertId>}): every alert item carries it from its creation until it is published or
 * coalesced. An item that does not parse is returned as unreadable, with what its index key tells, never dropped.
 */
public final class DynamoDbUnpublishedAlerts implements UnpublishedAlerts {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUnpublishedAlerts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<Unpublished> createdBefore(Instant cutoff, int limit) {
        List<Unpublished> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamoDb.query(r -> r.tableName(table).indexName(AlertItems.UNPUBLISHED_INDEX)
                        .keyConditionExpression("#pk = :unpublished AND #sk < :cutoff")
                        .expressionAttributeNames(Map.of("#pk", AlertItems.UNPUBLISHED_PK,
                                "#sk", AlertItems.UNPUBLISHED_SK))
                        .expressionAttributeValues(Map.of(":unpublished", AttributeValue.fromS(AlertItems.UNPUBLISHED),
                                ":cutoff", AttributeValue.fromS(cutoff.toString())))
                        .limit(limit - found.size())
                        .exclusiveStartKey(from));
                page.items().forEach(item -> found.add(read(item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && found.size() < limit);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("unpublished alerts unavailable", e);
        }
        return found;
    }

    private static Unpublished read(Map<String, AttributeValue> item) {
        try {
            return new Unpublished.Readable(AlertItems.fromItem(item));
        } catch (RuntimeException unreadable) {
            String indexKey = item.get(AlertItems.UNPUBLISHED_SK).s();
            int hash = indexKey.indexOf('#');
            Instant createdAt;
            try {
                createdAt = Instant.parse(hash < 0 ? indexKey : indexKey.substring(0, hash));
            } catch (RuntimeException noTime) {
                createdAt = Instant.EPOCH;
            }
            return new Unpublished.Unreadable(hash < 0 ? indexKey : indexKey.substring(hash + 1), createdAt,
                    unreadable.getClass().getName());
        }
    }
}
