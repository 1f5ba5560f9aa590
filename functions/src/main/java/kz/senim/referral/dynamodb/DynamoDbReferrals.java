package kz.senim.referral.dynamodb;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.Cursors;
import kz.senim.cases.dynamodb.StaffKeyItems;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;
import kz.senim.referral.Referrals;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Referrals in the cases table, each change in one transaction with its audit line and the case's entry of the
 * referral ({@link CaseItems#openReferral}); a new one with its case change and the record of its
 * {@code Idempotency-Key} if it came with one ({@link StaffKeyItems}).
 */
public final class DynamoDbReferrals implements Referrals {

    private static final Set<String> PROVIDER_KEY = Set.of(CasesTable.PK, CasesTable.SK, ReferralItems.PROVIDER_PK,
            ReferralItems.PROVIDER_SK);

    private static final int TRANSACTION_CONFLICT_RETRIES = 5;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final Set<String> RETRYABLE = Set.of("TransactionConflict", "ThrottlingError");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContentWrites content;

    public DynamoDbReferrals(DynamoDbClient dynamoDb, String table, ContentWrites content) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.content = content;
    }

    @Override
    public Optional<Referral> find(ReferralId id) {
        return CasesTable.item(dynamoDb, table, ReferralItems.key(id)).map(ReferralItems::fromItem);
    }

    @Override
    public List<Referral> of(Reference reference) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :referral)")
                            .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#sk", CasesTable.SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", AttributeValue.fromS(CasesTable.casePartition(reference)),
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
                .item(ReferralItems.toItem(referral, content.of(referral.reference())))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK))
                .build()).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(put,
                    CaseItems.update(table, changedCase, referral.onCase()), AuditItems.put(table, entry)));
            return new CreateOutcome.Created();
        } catch (TransactionCanceledException cancelled) {
            if (CasesTable.lostRace(cancelled, 0)) {
                return new CreateOutcome.IdTaken();
            }
            if (CasesTable.lostRace(cancelled, 1)) {
                return new CreateOutcome.CaseChanged();
            }
            throw new StorageUnavailable("referral not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public CreateOutcome create(Referral referral, CaseFile changedCase, AuditEntry entry, StaffKey key) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ReferralItems.toItem(referral, content.of(referral.reference())))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK))
                .build()).build();
        List<TransactWriteItem> writes = List.of(put, CaseItems.update(table, changedCase, referral.onCase()),
                AuditItems.put(table, entry), StaffKeyItems.putNew(table, referral.reference(), key));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return new CreateOutcome.Created();
            } catch (TransactionCanceledException cancelled) {
                if (failed(cancelled, 3, CONDITION_FAILED)) {
                    return new CreateOutcome.KeyTaken();
                }
                if (failed(cancelled, 0, CONDITION_FAILED)) {
                    return new CreateOutcome.IdTaken();
                }
                if (failed(cancelled, 1, CONDITION_FAILED)) {
                    return new CreateOutcome.CaseChanged();
                }
                retryOrGiveUp(cancelled, attempt);
            } catch (SdkClientException | DynamoDbException e) {
                throw new StorageUnavailable("cases table unavailable", e);
            }
        }
    }

    @Override
    public Optional<StaffKey> staffKey(Reference reference, String keyHash) {
        return StaffKeyItems.find(dynamoDb, table, reference, keyHash);
    }

    private static boolean failed(TransactionCanceledException cancelled, int index, String code) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().size() > index
                && cancelled.cancellationReasons().get(index) != null
                && code.equals(cancelled.cancellationReasons().get(index).code());
    }

    /** Concurrent retries under one key cancel each other's transactions: wait a little and write again. */
    private static void retryOrGiveUp(TransactionCanceledException cancelled, int attempt) {
        boolean conflict = cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .anyMatch(reason -> reason != null && RETRYABLE.contains(reason.code()));
        if (!conflict) {
            throw new StorageUnavailable("referral not stored", cancelled);
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

    /** The referral over its version, with its audit line; a reason the change gave is sealed, with its key. */
    @Override
    public SaveOutcome save(Referral changed, AuditEntry entry) {
        ContentWrites.Write write = content.of(changed.reference());
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(ReferralItems.toItem(changed, write))
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", ReferralItems.VERSION))
                .expressionAttributeValues(Map.of(":expected",
                        AttributeValue.fromN(Long.toString(changed.version() - 1))))
                .build()).build();
        List<TransactWriteItem> writes = write.withNewKey(List.of(put, AuditItems.put(table, entry),
                CaseItems.openReferral(table, changed.reference(), changed.id().value(), changed.onCase())));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return new SaveOutcome.Saved();
            } catch (TransactionCanceledException cancelled) {
                if (CasesTable.lostRace(cancelled, 0)) {
                    return new SaveOutcome.VersionConflict();
                }
                // the case item was in another transaction (a step of another referral, a change of the case)
                retryOrGiveUp(cancelled, attempt);
            } catch (SdkClientException | DynamoDbException e) {
                throw new StorageUnavailable("cases table unavailable", e);
            }
        }
    }

    @Override
    public ProviderPage forProvider(ProviderQuery query) {
        String partition = ReferralItems.providerPartition(query.providerId());
        Map<String, String> names = new HashMap<>(Map.of("#provider", ReferralItems.PROVIDER_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":provider", AttributeValue.fromS(partition)));
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .indexName(ReferralItems.PROVIDER_INDEX)
                .keyConditionExpression("#provider = :provider")
                .scanIndexForward(true);
        query.status().ifPresent(status -> {
            names.put("#status", ReferralItems.STATUS);
            values.put(":status", AttributeValue.fromS(status.code()));
            request.filterExpression("#status = :status");
        });
        Optional<Map<String, AttributeValue>> startKey = query.cursor()
                .map(cursor -> Cursors.decode(cursor, PROVIDER_KEY, ReferralItems.PROVIDER_PK, partition));
        CasesTable.Page<Referral> page = CasesTable.page(dynamoDb,
                request.expressionAttributeNames(names).expressionAttributeValues(values).build(), query.limit(),
                startKey, ReferralItems::fromItem);
        return new ProviderPage(page.items(), page.nextCursor());
    }
}
