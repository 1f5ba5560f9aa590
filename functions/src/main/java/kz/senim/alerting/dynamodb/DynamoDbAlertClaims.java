package kz.senim.alerting.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.senim.alerting.AlertClaims;
import kz.senim.cases.Alert;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CasesTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Claims on the alert's own outbox item, by conditional update: the first dispatcher to write its lease wins. The
 * claims (and the marks) of several alerts go in one {@code TransactWriteItems}; an alert whose condition fails there
 * is told apart by its cancellation reason and the others are claimed again without it.
 */
public final class DynamoDbAlertClaims implements AlertClaims {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** A transaction that keeps conflicting falls back to one update per alert. */
    private static final int TRANSACTION_ATTEMPTS = 3;
    private static final String NOT_DONE = "attribute_exists(#pk) AND attribute_not_exists(#publishedAt)"
            + " AND attribute_not_exists(#coalescedInto)";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public ClaimOutcome claim(Alert alert, Instant now, Duration lease) {
        Update update = claimUpdate(alert, now, lease);
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(update.key())
                    .updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new ClaimOutcome.Claimed();
        } catch (ConditionalCheckFailedException taken) {
            return whyNotClaimed(alert, taken.hasItem() ? taken.item() : null);
        }
    }

    @Override
    public List<ClaimOutcome> claimAll(List<Alert> alerts, Instant now, Duration lease) {
        if (alerts.size() <= 1) {
            return alerts.stream().map(alert -> claim(alert, now, lease)).toList();
        }
        ClaimOutcome[] outcomes = new ClaimOutcome[alerts.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            open.add(i);
        }
        for (int attempt = 1; attempt <= TRANSACTION_ATTEMPTS && open.size() > 1; attempt++) {
            List<TransactWriteItem> writes = open.stream()
                    .map(i -> TransactWriteItem.builder().update(claimUpdate(alerts.get(i), now, lease)).build())
                    .toList();
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                open.forEach(i -> outcomes[i] = new ClaimOutcome.Claimed());
                open.clear();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.hasCancellationReasons()
                        ? cancelled.cancellationReasons() : List.of();
                List<Integer> still = new ArrayList<>();
                boolean told = false;
                for (int k = 0; k < open.size(); k++) {
                    CancellationReason reason = k < reasons.size() ? reasons.get(k) : null;
                    int index = open.get(k);
                    if (reason != null && CONDITIONAL_CHECK_FAILED.equals(reason.code())) {
                        outcomes[index] = whyNotClaimed(alerts.get(index), reason.hasItem() ? reason.item() : null);
                        told = true;
                    } else {
                        still.add(index);
                    }
                }
                if (!told && reasons.stream().noneMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
                    break; // cancelled for a reason no retry of the transaction helps: one update each
                }
                open = still;
            }
        }
        open.forEach(i -> outcomes[i] = claim(alerts.get(i), now, lease));
        return List.of(outcomes);
    }

    private Update claimUpdate(Alert alert, Instant now, Duration lease) {
        return Update.builder().tableName(table)
                .key(AlertItems.key(alert))
                .updateExpression("SET #claimedUntil = :until ADD #attempts :one")
                .conditionExpression(NOT_DONE + " AND (attribute_not_exists(#claimedUntil) OR #claimedUntil < :now)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#claimedUntil", AlertItems.CLAIMED_UNTIL,
                        "#publishedAt", AlertItems.PUBLISHED_AT, "#coalescedInto", AlertItems.COALESCED_INTO,
                        "#attempts", AlertItems.ATTEMPTS))
                .expressionAttributeValues(Map.of(
                        ":until", n(now.plus(lease).toEpochMilli()),
                        ":now", n(now.toEpochMilli()),
                        ":one", n(1)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** From the item as the failed condition saw it, or, when the store did not return it, as it is now. */
    private ClaimOutcome whyNotClaimed(Alert alert, Map<String, AttributeValue> seen) {
        Map<String, AttributeValue> item = seen;
        if (item == null || item.isEmpty()) {
            GetItemResponse current = dynamoDb.getItem(r -> r.tableName(table).key(AlertItems.key(alert))
                    .consistentRead(true));
            item = current.hasItem() ? current.item() : Map.of();
        }
        if (item.isEmpty()) {
            throw new IllegalStateException("alert outbox item is missing: " + alert.alertId());
        }
        if (item.containsKey(AlertItems.PUBLISHED_AT) || item.containsKey(AlertItems.COALESCED_INTO)) {
            return new ClaimOutcome.AlreadyPublished();
        }
        AttributeValue until = item.get(AlertItems.CLAIMED_UNTIL);
        return new ClaimOutcome.HeldByAnother(until == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(until.n())));
    }

    @Override
    public void markPublished(Alert alert, String messageId, Instant publishedAt) {
        markAll(List.of(new Settled.Published(alert, messageId, publishedAt, false)));
    }

    @Override
    public void markAll(List<Settled> settled) {
        List<Settled> open = new ArrayList<>(settled);
        for (int attempt = 1; attempt <= TRANSACTION_ATTEMPTS && open.size() > 1; attempt++) {
            List<TransactWriteItem> writes = open.stream()
                    .map(s -> TransactWriteItem.builder().update(markUpdate(s)).build()).toList();
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                open.clear();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.hasCancellationReasons()
                        ? cancelled.cancellationReasons() : List.of();
                List<Settled> still = new ArrayList<>();
                for (int k = 0; k < open.size(); k++) {
                    CancellationReason reason = k < reasons.size() ? reasons.get(k) : null;
                    if (reason == null || !CONDITIONAL_CHECK_FAILED.equals(reason.code())) {
                        still.add(open.get(k)); // an item that is gone (erased) has nothing left to mark
                    }
                }
                if (still.size() == open.size()
                        && reasons.stream().noneMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
                    break;
                }
                open = still;
            }
        }
        for (Settled one : open) {
            Update update = markUpdate(one);
            try {
                dynamoDb.updateItem(r -> r.tableName(table).key(update.key())
                        .updateExpression(update.updateExpression())
                        .conditionExpression(update.conditionExpression())
                        .expressionAttributeNames(update.expressionAttributeNames())
                        .expressionAttributeValues(update.expressionAttributeValues()));
            } catch (ConditionalCheckFailedException gone) {
                // the alert item no longer exists: nothing to mark
            }
        }
    }

    /** Out of the unpublished alerts and the claim given back, with how it went out (or which digest counted it). */
    private Update markUpdate(Settled settled) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", CasesTable.PK,
                "#claimedUntil", AlertItems.CLAIMED_UNTIL,
                "#gsi4pk", AlertItems.UNPUBLISHED_PK, "#gsi4sk", AlertItems.UNPUBLISHED_SK));
        Map<String, AttributeValue> values = new HashMap<>();
        String set = switch (settled) {
            case Settled.Published p -> {
                names.put("#publishedAt", AlertItems.PUBLISHED_AT);
                names.put("#messageId", AlertItems.MESSAGE_ID);
                names.put("#deliveredAs", AlertItems.DELIVERED_AS);
                values.put(":at", AttributeValue.fromS(p.at().toString()));
                values.put(":id", AttributeValue.fromS(p.messageId()));
                values.put(":as", AttributeValue.fromS(p.asDigest() ? "digest" : "page"));
                yield "SET #publishedAt = :at, #messageId = :id, #deliveredAs = :as";
            }
            case Settled.Coalesced c -> {
                names.put("#coalescedInto", AlertItems.COALESCED_INTO);
                names.put("#coalescedAt", AlertItems.COALESCED_AT);
                values.put(":digest", AttributeValue.fromS(c.digestAlertId()));
                values.put(":at", AttributeValue.fromS(c.at().toString()));
                yield "SET #coalescedInto = :digest, #coalescedAt = :at";
            }
        };
        return Update.builder().tableName(table)
                .key(AlertItems.key(settled.alert()))
                .updateExpression(set + " REMOVE #claimedUntil, #gsi4pk, #gsi4sk")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    @Override
    public void release(Alert alert) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(AlertItems.key(alert))
                    .updateExpression("REMOVE #claimedUntil")
                    .conditionExpression(NOT_DONE)
                    .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#claimedUntil", AlertItems.CLAIMED_UNTIL,
                            "#publishedAt", AlertItems.PUBLISHED_AT, "#coalescedInto", AlertItems.COALESCED_INTO)));
        } catch (SdkException ignored) {
            // the lease runs out by itself; releasing early only shortens the retry
        }
    }

    @Override
    public void fail(Alert alert, String errorClass, Instant at) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(AlertItems.key(alert))
                    .updateExpression("SET #error = :error, #failedAt = :at REMOVE #claimedUntil")
                    .conditionExpression(NOT_DONE)
                    .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#claimedUntil", AlertItems.CLAIMED_UNTIL,
                            "#publishedAt", AlertItems.PUBLISHED_AT, "#coalescedInto", AlertItems.COALESCED_INTO,
                            "#error", AlertItems.LAST_ERROR_CLASS, "#failedAt", AlertItems.LAST_FAILED_AT))
                    .expressionAttributeValues(Map.of(":error", AttributeValue.fromS(errorClass),
                            ":at", AttributeValue.fromS(at.toString()))));
        } catch (SdkException ignored) {
            // the lease runs out by itself; the failure is in the log
        }
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
