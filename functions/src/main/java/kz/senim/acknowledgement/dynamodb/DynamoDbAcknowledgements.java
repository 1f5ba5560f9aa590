package kz.senim.acknowledgement.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.acknowledgement.AlertAddress;
import kz.senim.acknowledgement.AlertState;
import kz.senim.acknowledgement.AlertStatus;
import kz.senim.cases.CaseAlerts.Acknowledger;
import kz.senim.cases.StorageUnavailable;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.cases.dynamodb.CasesTable;
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
 * Acknowledgements in the cases table: the alert items of a case ({@code pk=CASE#<reference>},
 * {@code sk=ALERT#<organisation>} or {@code ALERT#<target>#E<step>}) and used links ({@code pk=ACKLINK#<linkId>},
 * {@code sk=USED}, removed by TTL after the link expired).
 */
public final class DynamoDbAcknowledgements implements Acknowledgements {

    static final String ACKNOWLEDGED_AT = AlertItems.ACKNOWLEDGED_AT;
    static final String ACKNOWLEDGED_BY = AlertItems.ACKNOWLEDGED_BY;
    static final String LINK_PREFIX = "ACKLINK#";
    static final String LINK_SK = "USED";
    static final String EXPIRES_AT = "expiresAt";
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAcknowledgements(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<AlertState> find(AlertAddress address) {
        Map<String, AttributeValue> key = Map.of(
                CasesTable.PK, s(CasesTable.casePartition(address.reference())),
                CasesTable.SK, s(address.pageStep().isPresent()
                        ? AlertItems.pageSortKey(address.organisationId(), address.pageStep().getAsInt())
                        : "ALERT#" + address.organisationId()));
        return CasesTable.item(dynamoDb, table, key).filter(AlertItems::isAlert).map(DynamoDbAcknowledgements::toState);
    }

    static AlertState toState(Map<String, AttributeValue> item) {
        String alertId = item.get("alertId").s();
        AlertStatus status = Optional.ofNullable(item.get(AlertItems.STATUS)).map(AttributeValue::s)
                .flatMap(AlertStatus::fromCode).orElse(AlertStatus.PENDING);
        return new AlertState(
                AlertItems.fromItem(item),
                status,
                Optional.ofNullable(item.get(AlertItems.CHAIN_ID)).map(AttributeValue::s).orElse(alertId),
                Optional.ofNullable(item.get(ACKNOWLEDGED_AT)).map(v -> Instant.parse(v.s())),
                Optional.ofNullable(item.get(ACKNOWLEDGED_BY)).map(AttributeValue::s));
    }

    @Override
    public SaveOutcome save(Acknowledgement acknowledgement) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(acknowledgeOrigin(acknowledgement));
        acknowledgement.page().ifPresent(page -> writes.add(markPage(page, acknowledgement)));
        int caseIndex = acknowledgement.changedCase().isPresent() ? writes.size() : -1;
        acknowledgement.changedCase().ifPresent(file -> writes.add(CaseItems.update(table, file)));
        writes.add(AuditItems.put(table, acknowledgement.entry()));
        int linkIndex = acknowledgement.link().isPresent() ? writes.size() : -1;
        acknowledgement.link().ifPresent(link -> writes.add(TransactWriteItem.builder()
                .put(spendLink(link, acknowledgement.at())).build()));
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.hasCancellationReasons()
                    ? cancelled.cancellationReasons() : List.of();
            if (failed(reasons, linkIndex, CONDITIONAL_CHECK_FAILED)) {
                return new SaveOutcome.LinkSpent();
            }
            if (failed(reasons, 0, CONDITIONAL_CHECK_FAILED)) {
                return new SaveOutcome.AlreadyAcknowledged();
            }
            if (failed(reasons, caseIndex, CONDITIONAL_CHECK_FAILED)
                    || reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
                return new SaveOutcome.CaseChanged();
            }
            throw new StorageUnavailable("acknowledgement not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public boolean spend(LinkUse link, Instant at) {
        return putIfAbsent(dynamoDb, spendLink(link, at));
    }

    /** Puts an item of an ACKLINK partition unless one is under its key: false, writing nothing, when one is. */
    static boolean putIfAbsent(DynamoDbClient dynamoDb, Put put) {
        try {
            dynamoDb.putItem(r -> r.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames()));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public boolean isSpent(String linkId) {
        return CasesTable.item(dynamoDb, table, linkKey(linkId)).isPresent();
    }

    private TransactWriteItem acknowledgeOrigin(Acknowledgement a) {
        return TransactWriteItem.builder().update(AlertItems.acknowledge(table, a.origin().alert(), a.at(),
                a.acknowledgedBy(), Acknowledger.of(a.entry().actor(), a.acknowledgedBy())).build()).build();
    }

    private TransactWriteItem markPage(AlertState page, Acknowledgement a) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", CasesTable.PK));
        Map<String, AttributeValue> values = new HashMap<>();
        String acknowledger = acknowledger(a, names, values);
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(AlertItems.key(page.alert()))
                .updateExpression("SET " + acknowledger)
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build();
    }

    /** When, for which organisation and by whom (a person with their id, a link, Senim): the assignments to SET. */
    private static String acknowledger(Acknowledgement a, Map<String, String> names,
            Map<String, AttributeValue> values) {
        return AlertItems.acknowledger(a.at(), a.acknowledgedBy(), Acknowledger.of(a.entry().actor(),
                a.acknowledgedBy()), names, values);
    }

    private Put spendLink(LinkUse link, Instant at) {
        return newItem(table, linkItem(link, at));
    }

    /** A put of an item that must not exist yet. */
    static Put newItem(String table, Map<String, AttributeValue> item) {
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK))
                .build();
    }

    private static Map<String, AttributeValue> linkItem(LinkUse link, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(linkKey(link.linkId()));
        item.put(CasesTable.KIND, s("ACKLINK"));
        item.put("alertId", s(link.alertId()));
        item.put("usedAt", s(at.toString()));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(link.expiresAt().getEpochSecond())));
        return item;
    }

    private static Map<String, AttributeValue> linkKey(String linkId) {
        return Map.of(CasesTable.PK, s(LINK_PREFIX + linkId), CasesTable.SK, s(LINK_SK));
    }

    private static boolean failed(List<CancellationReason> reasons, int index, String code) {
        return index >= 0 && index < reasons.size() && code.equals(reasons.get(index).code());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
