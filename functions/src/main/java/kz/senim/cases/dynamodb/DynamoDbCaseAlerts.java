package kz.senim.cases.dynamodb;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.CaseAlerts.Acknowledger;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseAlerts;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Reads the alert items of a case's partition ({@code sk=ALERT#…}): alerts and escalation pages. */
public final class DynamoDbCaseAlerts implements CaseAlerts {

    static final String SK_PREFIX = "ALERT#";
    static final String ALERT_ID = "alertId";
    static final String ORGANISATION = "organisationId";
    static final String CREATED_AT = "createdAt";
    static final String ACKNOWLEDGED_AT = "acknowledgedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCaseAlerts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<AlertLine> of(Reference reference) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :alert)")
                            .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#sk", CasesTable.SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", AttributeValue.fromS(CasesTable.casePartition(reference)),
                                    ":alert", AttributeValue.fromS(SK_PREFIX))))
                    .items().stream()
                    .map(DynamoDbCaseAlerts::line)
                    .sorted(Comparator.comparing(AlertLine::createdAt).thenComparing(AlertLine::escalationStep)
                            .thenComparing(AlertLine::alertId))
                    .toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    static AlertLine line(Map<String, AttributeValue> item) {
        return new AlertLine(
                item.get(ALERT_ID).s(),
                item.get(ORGANISATION).s(),
                text(item, AlertItems.STATUS).orElse("pending"),
                Optional.ofNullable(item.get(AlertItems.ESCALATION_STEP)).map(v -> Integer.parseInt(v.n())).orElse(0),
                Instant.parse(item.get(CREATED_AT).s()),
                text(item, ACKNOWLEDGED_AT).map(Instant::parse),
                acknowledger(item), AlertItems.delivery(item));
    }

    /** Who acknowledged; unknown (empty) for alerts acknowledged before Senim kept it. */
    private static Optional<Acknowledger> acknowledger(Map<String, AttributeValue> item) {
        Optional<String> type = text(item, AlertItems.ACKNOWLEDGED_BY_TYPE);
        Optional<String> organisation = text(item, AlertItems.ACKNOWLEDGED_BY);
        if (type.isEmpty() || organisation.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Acknowledger(type.get(), text(item, AlertItems.ACKNOWLEDGED_BY_PERSON),
                organisation.get()));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
