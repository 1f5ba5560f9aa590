package kz.senim.messaging.dynamodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.StaffKeyItems;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.Conversations;
import kz.senim.messaging.ReplyKey;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Conversations in the cases table. A message goes in one {@code TransactWriteItems} with its audit entry, its
 * text's data key (in the case keys table: {@link ContentWrites}) and a check of the case's report item (present; for responders also not closed); a reply also with its idempotency
 * record, whose {@code attribute_not_exists} condition makes concurrent retries store it once; so does a responder's
 * message sent with an {@code Idempotency-Key} ({@link StaffKeyItems}).
 */
public final class DynamoDbConversations implements Conversations {

    private static final String REPORT_SK = "REPORT";
    private static final String STATUS = "status";
    private static final int TRANSACTION_CONFLICT_RETRIES = 5;
    private static final Set<String> RETRYABLE = Set.of("TransactionConflict", "ThrottlingError");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContentWrites content;

    public DynamoDbConversations(DynamoDbClient dynamoDb, String table, ContentWrites content) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.content = content;
    }

    /** A responder writes only while the case is open (not closed, not withdrawn) and no erasure is under way. */
    private static final String OPEN = "attribute_exists(#pk) AND NOT (#status IN (:closed, :withdrawn))"
            + " AND (attribute_not_exists(#retention) OR #retention <> :erasing)";
    /** The reporter writes while the receipt is there: an erasure (retention, withdrawal) removes it first. */
    private static final String REACHABLE = "attribute_exists(#pk) AND attribute_exists(#receipt)";

    @Override
    public PostOutcome post(CaseMessage message, AuditEntry entry) {
        ContentWrites.Write write = content.of(message.reference());
        return post(message, write.withNewKey(List.of(
                caseCheck(message.reference(), OPEN, true),
                putNew(MessageItems.toItem(message, write)),
                AuditItems.put(table, entry))));
    }

    @Override
    public PostOutcome post(CaseMessage message, AuditEntry entry, StaffKey key) {
        ContentWrites.Write write = content.of(message.reference());
        return post(message, write.withNewKey(List.of(
                caseCheck(message.reference(), OPEN, true),
                putNew(MessageItems.toItem(message, write)),
                AuditItems.put(table, entry),
                StaffKeyItems.putNew(table, message.reference(), key))));
    }

    @Override
    public Optional<StaffKey> staffKey(Reference reference, String keyHash) {
        return StaffKeyItems.find(dynamoDb, table, reference, keyHash);
    }

    /** Writes the case check, the message, its audit entry and (at index 3, if there) its key record. */
    private PostOutcome post(CaseMessage message, List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return new PostOutcome.Stored();
            } catch (TransactionCanceledException cancelled) {
                if (failedCondition(cancelled, 3)) {
                    return new PostOutcome.KeyTaken();
                }
                if (failedCondition(cancelled, 0)) {
                    return caseExists(message.reference()) ? new PostOutcome.CaseClosed()
                            : new PostOutcome.CaseMissing();
                }
                retryOrGiveUp(cancelled, attempt);
            } catch (SdkClientException | DynamoDbException unavailable) {
                throw new StorageUnavailable("cases table unavailable", unavailable);
            }
        }
    }

    @Override
    public ReplyStoreOutcome reply(CaseMessage message, ReplyKey key, AuditEntry entry) {
        ContentWrites.Write write = content.of(message.reference());
        List<TransactWriteItem> writes = write.withNewKey(List.of(
                caseCheck(message.reference(), REACHABLE, false),
                putNew(MessageItems.toItem(message.reference(), key)),
                putNew(MessageItems.toItem(message, write)),
                AuditItems.put(table, entry)));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return new ReplyStoreOutcome.Stored();
            } catch (TransactionCanceledException cancelled) {
                if (failedCondition(cancelled, 0)) {
                    return new ReplyStoreOutcome.CaseMissing();
                }
                if (failedCondition(cancelled, 1) || failedCondition(cancelled, 2)) {
                    return new ReplyStoreOutcome.KeyTaken();
                }
                retryOrGiveUp(cancelled, attempt);
            } catch (SdkClientException | DynamoDbException unavailable) {
                throw new StorageUnavailable("cases table unavailable", unavailable);
            }
        }
    }

    @Override
    public Optional<ReplyKey> replyKey(Reference reference, String keyHash) {
        return get(MessageItems.replyKeyKey(reference, keyHash))
                .map(item -> MessageItems.replyKeyFromItem(keyHash, item));
    }

    @Override
    public List<CaseMessage> forCase(Reference reference) {
        try {
            QueryResponse response = dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :message)")
                    .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#sk", CasesTable.SK))
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(CasesTable.casePartition(reference)),
                            ":message", AttributeValue.fromS(MessageItems.MESSAGE_PREFIX)))
                    .scanIndexForward(false)
                    .limit(MAX_SHOWN));
            List<CaseMessage> latestFirst = new ArrayList<>(response.items().stream()
                    .map(MessageItems::fromItem).toList());
            Collections.reverse(latestFirst);
            return List.copyOf(latestFirst);
        } catch (SdkClientException | DynamoDbException unavailable) {
            throw new StorageUnavailable("cases table unavailable", unavailable);
        }
    }

    private TransactWriteItem caseCheck(Reference reference, String condition, boolean withStatus) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table)
                .key(Map.of(CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(reference)),
                        CasesTable.SK, AttributeValue.fromS(REPORT_SK)))
                .conditionExpression(condition);
        if (withStatus) {
            check.expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#status", STATUS,
                            "#retention", CaseItems.RETENTION_PK))
                    .expressionAttributeValues(Map.of(
                            ":closed", AttributeValue.fromS(CaseStatus.CLOSED.code()),
                            ":withdrawn", AttributeValue.fromS(CaseStatus.WITHDRAWN_BY_REPORTER.code()),
                            ":erasing", AttributeValue.fromS(CaseItems.ERASING)));
        } else {
            check.expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#receipt", CaseItems.RECEIPT_HASH));
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK)).build()).build();
    }

    private boolean caseExists(Reference reference) {
        return get(Map.of(CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(reference)),
                CasesTable.SK, AttributeValue.fromS(REPORT_SK))).isPresent();
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        return CasesTable.item(dynamoDb, table, key);
    }

    private static boolean failedCondition(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons()
                : List.of();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Concurrent transactions on the same items (retries of one reply, say) cancel each other: try again. */
    private static void retryOrGiveUp(TransactionCanceledException cancelled, int attempt) {
        boolean conflict = cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .anyMatch(reason -> RETRYABLE.contains(reason.code()));
        if (!conflict) {
            throw new StorageUnavailable("message not stored", cancelled);
        }
        if (attempt >= TRANSACTION_CONFLICT_RETRIES) {
            throw new StorageUnavailable("transaction kept conflicting", cancelled);
        }
        try {
            Thread.sleep(20L * attempt + ThreadLocalRandom.current().nextLong(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailable("interrupted", e);
        }
    }
}
