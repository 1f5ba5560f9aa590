package kz.senim.escalation.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.senim.cases.Alert;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.escalation.PendingAlert;
import kz.senim.escalation.PendingAlerts;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Pending alerts from the sparse {@code PendingAlertsIndex} ({@code gsi2pk=PENDING}, {@code gsi2sk=<createdAt>#<id>})
 * of the cases table. A step moves the alert's {@code escalationStep} on only from the value it was read at, so two
 * escalators racing take each step once; the page is an alert item ({@code sk=ALERT#<target>#E<step>},
 * {@code status=page}) that the stream dispatcher publishes like any other.
 */
public final class DynamoDbPendingAlerts implements PendingAlerts {

    static final String PAGE = "page";
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPendingAlerts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<PendingAlert> pending() {
        return listing().readable();
    }

    @Override
    public Listing listing() {
        try {
            List<PendingAlert> pending = new ArrayList<>();
            List<Unreadable> unreadable = new ArrayList<>();
            dynamoDb.queryPaginator(r -> r.tableName(table).indexName(AlertItems.PENDING_INDEX)
                            .keyConditionExpression("#pk = :pending")
                            .expressionAttributeNames(Map.of("#pk", AlertItems.PENDING_PK))
                            .expressionAttributeValues(Map.of(":pending", s(AlertItems.PENDING))))
                    .items().forEach(item -> {
                        try {
                            if (isOrigin(item)) {
                                pending.add(new PendingAlert(AlertItems.fromItem(item), step(item)));
                            }
                        } catch (RuntimeException broken) {
                            unreadable.add(new Unreadable(alertId(item), broken.getClass().getName()));
                        }
                    });
            return new Listing(pending, unreadable);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("pending alerts unavailable", e);
        }
    }

    /** The id an item's index key holds ({@code <createdAt>#<alertId>}), when even its alertId cannot be read. */
    private static String alertId(Map<String, AttributeValue> item) {
        AttributeValue id = item.get(AlertItems.ALERT_ID);
        if (id != null && id.s() != null) {
            return id.s();
        }
        AttributeValue key = item.get(AlertItems.PENDING_SK);
        String sortKey = key == null || key.s() == null ? "" : key.s();
        return sortKey.substring(sortKey.indexOf('#') + 1);
    }

    @Override
    public EscalationOutcome escalate(Escalation escalation) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(advance(escalation));
        int pageIndex = escalation.page().isPresent() ? writes.size() : -1;
        escalation.page().ifPresent(page -> writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(pageItem(page, escalation))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK))
                .build()).build()));
        int caseIndex = writes.size();
        writes.add(CaseItems.update(table, escalation.changedCase()));
        writes.add(AuditItems.put(table, escalation.entry()));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new EscalationOutcome.Escalated();
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.hasCancellationReasons()
                    ? cancelled.cancellationReasons() : List.of();
            if (failed(reasons, 0)) {
                return new EscalationOutcome.StepTaken();
            }
            if (failed(reasons, pageIndex)) {
                return new EscalationOutcome.PageTaken();
            }
            if (failed(reasons, caseIndex)
                    || reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
                return new EscalationOutcome.CaseChanged();
            }
            throw new StorageUnavailable("escalation not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public void stop(PendingAlert alert) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(AlertItems.key(alert.alert()))
                    .updateExpression("REMOVE #gsi2pk, #gsi2sk")
                    .conditionExpression("#status = :pending AND #step = :current")
                    .expressionAttributeNames(Map.of("#status", AlertItems.STATUS,
                            "#step", AlertItems.ESCALATION_STEP,
                            "#gsi2pk", AlertItems.PENDING_PK, "#gsi2sk", AlertItems.PENDING_SK))
                    .expressionAttributeValues(Map.of(":pending", s("pending"),
                            ":current", n(alert.escalationStep()))));
        } catch (ConditionalCheckFailedException movedOn) {
            // acknowledged or escalated meanwhile: whoever did it decides whether it stays pending
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    private TransactWriteItem advance(Escalation escalation) {
        Map<String, String> names = new HashMap<>(Map.of("#status", AlertItems.STATUS,
                "#step", AlertItems.ESCALATION_STEP));
        String expression = "SET #step = :next";
        if (escalation.last()) {
            names.put("#gsi2pk", AlertItems.PENDING_PK);
            names.put("#gsi2sk", AlertItems.PENDING_SK);
            expression += " REMOVE #gsi2pk, #gsi2sk";
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(AlertItems.key(escalation.alert().alert()))
                .updateExpression(expression)
                .conditionExpression("#status = :pending AND #step = :current")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":pending", s("pending"),
                        ":current", n(escalation.alert().escalationStep()),
                        ":next", n(escalation.nextStep())))
                .build()).build();
    }

    /** An alert item the dispatcher reads like any other, keyed and marked as a page of the origin's chain. */
    static Map<String, AttributeValue> pageItem(Alert page, Escalation escalation) {
        Map<String, AttributeValue> item = new HashMap<>(AlertItems.toItem(page));
        item.put(CasesTable.SK, s(AlertItems.pageSortKey(page.organisationId(), escalation.nextStep())));
        item.put(AlertItems.STATUS, s(PAGE));
        item.put(AlertItems.CHAIN_ID, s(escalation.alert().alert().alertId()));
        item.put(AlertItems.ESCALATION_STEP, n(escalation.nextStep()));
        item.remove(AlertItems.PENDING_PK);
        item.remove(AlertItems.PENDING_SK);
        return item;
    }

    private static boolean isOrigin(Map<String, AttributeValue> item) {
        AttributeValue chain = item.get(AlertItems.CHAIN_ID);
        return AlertItems.isAlert(item) && (chain == null || chain.s().equals(item.get("alertId").s()));
    }

    private static int step(Map<String, AttributeValue> item) {
        AttributeValue step = item.get(AlertItems.ESCALATION_STEP);
        return step == null ? 0 : Integer.parseInt(step.n());
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index >= 0 && index < reasons.size() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
