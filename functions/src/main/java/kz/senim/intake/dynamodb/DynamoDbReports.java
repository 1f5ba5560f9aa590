package kz.senim.intake.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.intake.IdempotencyRecord;
import kz.senim.intake.Report;
import kz.senim.intake.Reports;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reports in the cases table. A new report, its alerts and its idempotency record go in one
 * {@code TransactWriteItems}, each with a condition, so either all are stored or none is.
 */
public final class DynamoDbReports implements Reports {

    static final String PK = CasesTable.PK;
    static final String SK = CasesTable.SK;
    static final String KIND = CasesTable.KIND;
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String EXPIRES_AT = "expiresAt";
    private static final int TRANSACTION_CONFLICT_RETRIES = 3;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final ContentWrites content;

    public DynamoDbReports(DynamoDbClient dynamoDb, String table, Clock clock, ContentWrites content) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.content = content;
    }

    /** The report (narrative and locality sealed, with their key), its alerts and the idempotency record. */
    @Override
    public SaveOutcome saveNew(Report report, List<Alert> alerts, IdempotencyRecord record) {
        ContentWrites.Write write = content.of(report.reference());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(CaseItems.newItem(report.asNewCase(alerts.stream().map(Alert::organisationId).toList()),
                report.receiptHash(), write),
                "attribute_not_exists(#pk)", Map.of()));
        alerts.forEach(alert -> items.add(put(AlertItems.toItem(alert), "attribute_not_exists(#pk)", Map.of())));
        items.add(put(idempotencyItem(record), "attribute_not_exists(#pk) OR #expiresAt <= :now",
                Map.of(":now", n(clock.instant().getEpochSecond()))));
        int idempotencyRecord = items.size() - 1;
        List<TransactWriteItem> writes = write.withNewKey(items);
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return new SaveOutcome.Saved();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (failedCondition(reasons, idempotencyRecord)) {
                    return new SaveOutcome.KeyTaken();
                }
                if (failedCondition(reasons, 0)) {
                    return new SaveOutcome.ReferenceTaken();
                }
                if (attempt >= TRANSACTION_CONFLICT_RETRIES) {
                    throw new StorageUnavailable("transaction kept conflicting", cancelled);
                }
                pause(attempt);
            } catch (SdkClientException | DynamoDbException unavailable) {
                throw new StorageUnavailable("cases table unavailable", unavailable);
            }
        }
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String keyHash) {
        return get(idempotencyPartition(keyHash), IDEMPOTENCY_SK).map(item -> new IdempotencyRecord(
                keyHash,
                item.get("requestHash").s(),
                new Reference(item.get("reference").s()),
                item.get("sealedReceipt").s(),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n()))));
    }

    /** The report its reporter can still come back to: none once its receipt was erased. */
    @Override
    public Optional<Report> find(Reference reference) {
        return CasesTable.item(dynamoDb, table, CaseItems.key(reference))
                .flatMap(item -> CaseItems.receiptHash(item).map(hash -> Report.of(CaseItems.fromItem(item), hash)));
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return CasesTable.item(dynamoDb, table, Map.of(PK, s(pk), SK, s(sk)));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
            Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", PK));
        if (condition.contains("#expiresAt")) {
            names.put("#expiresAt", EXPIRES_AT);
        }
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static Map<String, AttributeValue> idempotencyItem(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(idempotencyPartition(record.keyHash())));
        item.put(SK, s(IDEMPOTENCY_SK));
        item.put(KIND, s("IDEMPOTENCY"));
        item.put("requestHash", s(record.requestHash()));
        item.put("reference", s(record.reference().value()));
        item.put("sealedReceipt", s(record.sealedReceipt()));
        item.put(EXPIRES_AT, n(record.expiresAt().getEpochSecond()));
        return item;
    }

    private static String idempotencyPartition(String keyHash) {
        return "IDEMPOTENCY#" + keyHash;
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailable("interrupted", e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
