package kz.senim.erasure.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseAlerts.Acknowledger;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.erasure.CaseErasures;
import kz.senim.erasure.DueCase;
import kz.senim.erasure.ErasureReason;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Erasures in the cases table: due cases are found on the sparse {@code RetentionIndex} ({@link CaseItems}), the
 * report item is changed over its version in one transaction with the audit entry, and the case's other items lose
 * every sealed text (any attribute holding a {@link CaseText.Sealed} envelope, and the text attributes of items
 * written before texts were sealed) and the hashes of typed text ({@code requestHash} of reply and staff keys).
 */
public final class DynamoDbCaseErasures implements CaseErasures {

    /** Attributes that held typed text in clear before Senim sealed it; erased like sealed ones. */
    static final Set<String> LEGACY_TEXT = Set.of("narrative", "locality", "statusReason", "text");
    static final String REQUEST_HASH = "requestHash";
    static final String ERASED_HASH = "erased";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCaseErasures(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<DueCase> closedBefore(Instant before) {
        return due(CaseItems.RETAIN_CLOSED, before);
    }

    @Override
    public List<DueCase> openBefore(Instant before) {
        return due(CaseItems.RETAIN_OPEN, before);
    }

    @Override
    public List<Reference> unfinished() {
        return retained(CaseItems.ERASING, null).stream()
                .map(item -> new Reference(item.get("reference").s())).toList();
    }

    @Override
    public Outcome commit(Commit commit) {
        Map<String, String> names = new HashMap<>(Map.of("#version", CaseItems.VERSION,
                "#updatedAt", "updatedAt", "#status", CaseItems.STATUS, "#erasedAt", CaseItems.ERASED_AT,
                "#erasure", CaseItems.ERASURE, "#retention", CaseItems.RETENTION_PK,
                "#retentionSk", CaseItems.RETENTION_SK, "#warned", CaseItems.ERASURE_WARNED_AT,
                "#due", CaseItems.ERASURE_DUE_AT));
        List<String> removed = new ArrayList<>(List.of("#warned", "#due"));
        for (int i = 0; i < CaseItems.CONTENT.size(); i++) {
            names.put("#content" + i, CaseItems.CONTENT.get(i));
            removed.add("#content" + i);
        }
        CaseStatus status = commit.reason() == ErasureReason.WITHDRAWN_BY_REPORTER
                ? CaseStatus.WITHDRAWN_BY_REPORTER : commit.file().status();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":expected", n(commit.file().version()),
                ":version", n(commit.file().version() + 1),
                ":at", s(commit.at().toString()),
                ":status", s(status.code()),
                ":reason", s(commit.reason().code()),
                ":erasing", s(CaseItems.ERASING),
                ":retentionSk", s(CaseItems.retentionSortKey(commit.at(), commit.file().reference()))));
        Update report = Update.builder().tableName(table)
                .key(CaseItems.key(commit.file().reference()))
                .updateExpression("SET #version = :version, #updatedAt = :at, #status = :status, #erasedAt = :at,"
                        + " #erasure = :reason, #retention = :erasing, #retentionSk = :retentionSk"
                        + " REMOVE " + String.join(", ", removed))
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        return write(List.of(TransactWriteItem.builder().update(report).build(),
                AuditItems.put(table, commit.entry())));
    }

    @Override
    public Outcome warn(Warning warning) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(CaseItems.key(warning.dueCase().file().reference()))
                .updateExpression("SET #warned = :at, #due = :due")
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#warned", CaseItems.ERASURE_WARNED_AT,
                        "#due", CaseItems.ERASURE_DUE_AT, "#version", CaseItems.VERSION))
                .expressionAttributeValues(Map.of(":at", s(warning.at().toString()),
                        ":due", s(warning.dueAt().toString()),
                        ":expected", n(warning.dueCase().file().version())))
                .build()).build());
        warning.notices().forEach(notice -> writes.add(TransactWriteItem.builder().put(newAlert(notice)).build()));
        writes.add(AuditItems.put(table, warning.entry()));
        return write(writes);
    }

    @Override
    public List<Alert> pendingAlerts(Reference reference) {
        return partition(reference).stream()
                .filter(item -> AlertItems.isAlert(item) && "pending".equals(text(item, AlertItems.STATUS)))
                .map(AlertItems::fromItem)
                .toList();
    }

    @Override
    public boolean acknowledge(Alert alert, Instant at, AuditEntry entry) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().update(AlertItems.acknowledge(table, alert, at,
                            alert.organisationId(), Acknowledger.of(entry.actor(), alert.organisationId()))
                            .build()).build(),
                    AuditItems.put(table, entry)));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if (CasesTable.lostRace(cancelled, 0)) {
                return false;
            }
            throw new StorageUnavailable("alert not acknowledged", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public void notify(List<Alert> notices) {
        for (Alert notice : notices) {
            Put put = newAlert(notice);
            try {
                dynamoDb.putItem(r -> r.tableName(table).item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames()));
            } catch (ConditionalCheckFailedException sentBefore) {
                // the same notice is in the outbox already: it is sent once
            } catch (SdkClientException | DynamoDbException e) {
                throw new StorageUnavailable("cases table unavailable", e);
            }
        }
    }

    @Override
    public void stripContent(Reference reference) {
        for (Map<String, AttributeValue> item : partition(reference)) {
            String sk = item.get(CasesTable.SK).s();
            if (sk.equals(CaseItems.REPORT_SK)) {
                continue; // its erasure was committed
            }
            List<String> typed = item.entrySet().stream()
                    .filter(a -> LEGACY_TEXT.contains(a.getKey())
                            || a.getValue().s() != null && CaseText.Sealed.isEnvelope(a.getValue().s()))
                    .map(Map.Entry::getKey)
                    .toList();
            boolean hashed = item.containsKey(REQUEST_HASH) && !ERASED_HASH.equals(item.get(REQUEST_HASH).s());
            if (typed.isEmpty() && !hashed) {
                continue;
            }
            Map<String, String> names = new HashMap<>(Map.of("#pk", CasesTable.PK));
            List<String> removed = new ArrayList<>();
            for (int i = 0; i < typed.size(); i++) {
                names.put("#typed" + i, typed.get(i));
                removed.add("#typed" + i);
            }
            StringBuilder expression = new StringBuilder();
            Update.Builder strip = Update.builder().tableName(table)
                    .key(Map.of(CasesTable.PK, item.get(CasesTable.PK), CasesTable.SK, item.get(CasesTable.SK)))
                    .conditionExpression("attribute_exists(#pk)");
            if (hashed) {
                names.put("#hash", REQUEST_HASH);
                strip.expressionAttributeValues(Map.of(":erased", s(ERASED_HASH)));
                expression.append("SET #hash = :erased ");
            }
            if (!removed.isEmpty()) {
                expression.append("REMOVE ").append(String.join(", ", removed));
            }
            try {
                update(strip.updateExpression(expression.toString().strip()).expressionAttributeNames(names).build());
            } catch (ConditionalCheckFailedException gone) {
                // the item is no more: nothing of it to strip
            }
        }
    }

    @Override
    public void finished(Reference reference) {
        try {
            update(Update.builder().tableName(table)
                    .key(CaseItems.key(reference))
                    .updateExpression("REMOVE #retention, #retentionSk")
                    .conditionExpression("#retention = :erasing")
                    .expressionAttributeNames(Map.of("#retention", CaseItems.RETENTION_PK,
                            "#retentionSk", CaseItems.RETENTION_SK))
                    .expressionAttributeValues(Map.of(":erasing", s(CaseItems.ERASING)))
                    .build());
        } catch (ConditionalCheckFailedException finishedBefore) {
            // another run finished it
        }
    }

    private List<DueCase> due(String partition, Instant before) {
        return retained(partition, CasesTable.sortable(before)).stream()
                .map(item -> new DueCase(CaseItems.fromItem(item), Instant.parse(item.get("updatedAt").s()),
                        CaseItems.erasureWarnedAt(item)))
                .toList();
    }

    /** Every item of a retention partition, oldest first, up to {@code before} (exclusive) if given. */
    private List<Map<String, AttributeValue>> retained(String partition, String before) {
        Map<String, String> names = new HashMap<>(Map.of("#retention", CaseItems.RETENTION_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":partition", s(partition)));
        String condition = "#retention = :partition";
        if (before != null) {
            names.put("#retentionSk", CaseItems.RETENTION_SK);
            values.put(":before", s(before));
            condition += " AND #retentionSk < :before";
        }
        String keyCondition = condition;
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).indexName(CaseItems.RETENTION_INDEX)
                            .keyConditionExpression(keyCondition)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .scanIndexForward(true))
                    .items().stream().toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    /** Every item of the case's partition, read consistently. */
    private List<Map<String, AttributeValue>> partition(Reference reference) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression("#pk = :pk")
                            .expressionAttributeNames(Map.of("#pk", CasesTable.PK))
                            .expressionAttributeValues(Map.of(":pk", s(CasesTable.casePartition(reference)))))
                    .items().stream().toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    private Put newAlert(Alert alert) {
        return Put.builder().tableName(table).item(AlertItems.toItem(alert))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK))
                .build();
    }

    private Outcome write(List<TransactWriteItem> writes) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new Outcome.Stored();
        } catch (TransactionCanceledException cancelled) {
            if (CasesTable.lostRace(cancelled, 0)) {
                return new Outcome.CaseChanged();
            }
            throw new StorageUnavailable("erasure not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    /** @throws ConditionalCheckFailedException when its condition does not hold (nothing was written) */
    private void update(Update update) {
        try {
            dynamoDb.updateItem(r -> {
                r.tableName(update.tableName()).key(update.key())
                        .updateExpression(update.updateExpression())
                        .conditionExpression(update.conditionExpression())
                        .expressionAttributeNames(update.expressionAttributeNames());
                if (update.hasExpressionAttributeValues()) {
                    r.expressionAttributeValues(update.expressionAttributeValues());
                }
            });
        } catch (ConditionalCheckFailedException notWritten) {
            throw notWritten;
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
