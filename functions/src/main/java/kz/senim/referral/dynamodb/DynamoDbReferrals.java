package kz.senim.referral.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.alerting.dynamodb.AlertItems;
import kz.senim.audit.AuditEntry;
import kz.senim.audit.dynamodb.AuditItems;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.casework.CaseFile;
import kz.senim.casework.dynamodb.CaseItems;
import kz.senim.casework.dynamodb.Cursors;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;
import kz.senim.referral.Referrals;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Referrals in the cases table, each change in one transaction with its audit line (and, for a new one, its case). */
public final class DynamoDbReferrals implements Referrals {

    private static final int MAX_QUERIES_PER_PAGE = 10;
    /** Cancellation reasons of a writer that lost to another: a condition failed, or a transaction was under way. */
    private static final Set<String> LOST_RACE = Set.of("ConditionalCheckFailed", "TransactionConflict");
    private static final Set<String> PROVIDER_KEY = Set.of(AlertItems.PK, AlertItems.SK, ReferralItems.PROVIDER_PK,
            ReferralItems.PROVIDER_SK);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbReferrals(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Referral> find(ReferralId id) {
        try {
            GetItemResponse response = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(ReferralItems.key(id)));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(ReferralItems.fromItem(response.item())) : Optional.empty();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public List<Referral> of(Reference reference) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :referral)")
                            .expressionAttributeNames(Map.of("#pk", AlertItems.PK, "#sk", AlertItems.SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", AttributeValue.fromS(AlertItems.casePartition(reference)),
                                    ":referral", AttributeValue.fromS(ReferralItems.SK_PREFIX))))
                    .items().stream()
                    .map(ReferralItems::fromItem)
                    .sorted(Comparator.comparing(Referral::createdAt).thenComparing(r -> r.id().value()))
                    .toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public CreateOutcome create(Referral referral, CaseFile changedCase, AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ReferralItems.toItem(referral))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", AlertItems.PK))
                .build()).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(put, CaseItems.update(table, changedCase),
                    AuditItems.put(table, entry)));
            return new CreateOutcome.Created();
        } catch (TransactionCanceledException cancelled) {
            if (lost(cancelled, 0)) {
                return new CreateOutcome.IdTaken();
            }
            if (lost(cancelled, 1)) {
                return new CreateOutcome.CaseChanged();
            }
            throw new StorageUnavailable("referral not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public SaveOutcome save(Referral changed, AuditEntry entry) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ReferralItems.toItem(changed))
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", ReferralItems.VERSION))
                .expressionAttributeValues(Map.of(":expected",
                        AttributeValue.fromN(Long.toString(changed.version() - 1))))
                .build()).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(put, AuditItems.put(table, entry)));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException cancelled) {
            if (lost(cancelled, 0)) {
                return new SaveOutcome.VersionConflict();
            }
            throw new StorageUnavailable("referral change not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public ProviderPage forProvider(ProviderQuery query) {
        String partition = ReferralItems.providerPartition(query.providerId());
        Map<String, String> names = new HashMap<>(Map.of("#provider", ReferralItems.PROVIDER_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":provider", AttributeValue.fromS(partition)));
        Optional<String> filter = query.status().map(status -> {
            names.put("#status", ReferralItems.STATUS);
            values.put(":status", AttributeValue.fromS(status.code()));
            return "#status = :status";
        });
        Map<String, AttributeValue> startKey = query.cursor()
                .map(cursor -> Cursors.decode(cursor, PROVIDER_KEY, ReferralItems.PROVIDER_PK, partition))
                .orElse(null);
        List<Referral> found = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_QUERIES_PER_PAGE && found.size() < query.limit(); i++) {
                QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                        .indexName(ReferralItems.PROVIDER_INDEX)
                        .keyConditionExpression("#provider = :provider")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(true)
                        .limit(query.limit() - found.size());
                filter.ifPresent(request::filterExpression);
                if (startKey != null) {
                    request.exclusiveStartKey(startKey);
                }
                QueryResponse response = dynamoDb.query(request.build());
                response.items().stream().map(ReferralItems::fromItem).forEach(found::add);
                startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
                if (startKey == null) {
                    break;
                }
            }
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
        return new ProviderPage(found, Optional.ofNullable(startKey).map(Cursors::encode));
    }

    /** Whether the transaction was cancelled because of item {@code index} losing a race (nothing was written). */
    private static boolean lost(TransactionCanceledException cancelled, int index) {
        if (!cancelled.hasCancellationReasons() || cancelled.cancellationReasons().size() <= index) {
            return false;
        }
        CancellationReason reason = cancelled.cancellationReasons().get(index);
        return reason != null && LOST_RACE.contains(reason.code());
    }
}
