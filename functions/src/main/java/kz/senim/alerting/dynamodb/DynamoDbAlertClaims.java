package kz.senim.alerting.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kz.senim.alerting.AlertClaims;
import kz.senim.cases.Alert;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CasesTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Claims on the alert's own outbox item, by conditional update: the first dispatcher to write its lease wins. */
public final class DynamoDbAlertClaims implements AlertClaims {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public ClaimOutcome claim(Alert alert, Instant now, Duration lease) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(AlertItems.key(alert))
                    .updateExpression("SET #claimedUntil = :until")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#publishedAt)"
                            + " AND (attribute_not_exists(#claimedUntil) OR #claimedUntil < :now)")
                    .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#claimedUntil", AlertItems.CLAIMED_UNTIL,
                            "#publishedAt", AlertItems.PUBLISHED_AT))
                    .expressionAttributeValues(Map.of(
                            ":until", n(now.plus(lease).toEpochMilli()),
                            ":now", n(now.toEpochMilli()))));
            return new ClaimOutcome.Claimed();
        } catch (ConditionalCheckFailedException taken) {
            return whyNotClaimed(alert);
        }
    }

    private ClaimOutcome whyNotClaimed(Alert alert) {
        GetItemResponse current = dynamoDb.getItem(r -> r.tableName(table).key(AlertItems.key(alert))
                .consistentRead(true));
        if (!current.hasItem() || current.item().isEmpty()) {
            throw new IllegalStateException("alert outbox item is missing: " + alert.alertId());
        }
        Map<String, AttributeValue> item = current.item();
        if (item.containsKey(AlertItems.PUBLISHED_AT)) {
            return new ClaimOutcome.AlreadyPublished();
        }
        AttributeValue until = item.get(AlertItems.CLAIMED_UNTIL);
        return new ClaimOutcome.HeldByAnother(until == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(until.n())));
    }

    @Override
    public void markPublished(Alert alert, String messageId, Instant publishedAt) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(AlertItems.key(alert))
                .updateExpression("SET #publishedAt = :at, #messageId = :id REMOVE #claimedUntil")
                .expressionAttributeNames(Map.of("#publishedAt", AlertItems.PUBLISHED_AT,
                        "#messageId", AlertItems.MESSAGE_ID, "#claimedUntil", AlertItems.CLAIMED_UNTIL))
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(publishedAt.toString()),
                        ":id", AttributeValue.fromS(messageId))));
    }

    @Override
    public void release(Alert alert) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(AlertItems.key(alert))
                    .updateExpression("REMOVE #claimedUntil")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#publishedAt)")
                    .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#claimedUntil", AlertItems.CLAIMED_UNTIL,
                            "#publishedAt", AlertItems.PUBLISHED_AT)));
        } catch (SdkException ignored) {
            // the lease runs out by itself; releasing early only shortens the retry
        }
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
