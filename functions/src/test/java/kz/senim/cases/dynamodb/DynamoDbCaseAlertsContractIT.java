package kz.senim.cases.dynamodb;

import java.util.HashMap;
import java.util.Map;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseAlerts;
import kz.senim.cases.CaseAlertsContract;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link CaseAlertsContract} against {@link DynamoDbCaseAlerts} on DynamoDB Local, over alert items as written. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DynamoDbCaseAlertsContractIT extends CaseAlertsContract {

    private DynamoDbClient dynamoDb;
    private String table;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
    }

    @Override
    protected CaseAlerts caseAlerts() {
        return new DynamoDbCaseAlerts(dynamoDb, table);
    }

    /** The item as intake writes it, then as acknowledgement or escalation leaves it. */
    @Override
    protected void store(Reference reference, AlertLine line) {
        Alert alert = new Alert(line.alertId(), reference, line.organisationId(), new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.MEDIUM, line.createdAt());
        Map<String, AttributeValue> item = new HashMap<>(AlertItems.toItem(alert));
        item.put(AlertItems.STATUS, AttributeValue.fromS(line.status()));
        item.put(AlertItems.ESCALATION_STEP, AttributeValue.fromN(Integer.toString(line.escalationStep())));
        if (!line.status().equals("pending")) {
            item.remove(AlertItems.PENDING_PK);
            item.remove(AlertItems.PENDING_SK);
        }
        line.acknowledgedAt().ifPresent(at -> item.put("acknowledgedAt", AttributeValue.fromS(at.toString())));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }
}
