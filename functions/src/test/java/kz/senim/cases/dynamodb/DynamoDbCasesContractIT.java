package kz.senim.cases.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases;
import kz.senim.cases.CasesContract;
import kz.senim.cases.Category;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.Severity;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link CasesContract} against {@link DynamoDbCases} on DynamoDB Local (QueueIndex, conditional updates). */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbCasesContractIT extends CasesContract {

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbCases cases;
    private DynamoDbAuditTrail audit;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
        cases = new DynamoDbCases(dynamoDb, table);
        audit = new DynamoDbAuditTrail(dynamoDb, table);
    }

    @Override
    protected Cases cases() {
        return cases;
    }

    @Override
    protected AuditTrail audit() {
        return audit;
    }

    @Override
    protected void store(CaseFile file) {
        LocalCasesTable.putCase(dynamoDb, table, file);
    }

    @Test
    void reopeningRemovesTheOutcomeAttributeFromTheReportItem() {
        CaseFile file = almaty(NOON, CaseStatus.IN_PROGRESS, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile closed = changed(file.close(ClosingOutcome.ASSISTED, false, NOON.plusSeconds(1)));
        cases.save(closed, entry(closed, "case_closed"));
        assertThat(reportItem(file).get("outcome").s()).isEqualTo("assisted");

        CaseFile reopened = changed(closed.reopen("again", NOON.plusSeconds(2)));
        cases.save(reopened, entry(reopened, "case_reopened"));

        assertThat(reportItem(file).get("statusReason").s()).isEqualTo("again");
        assertThat(reportItem(file)).doesNotContainKey("outcome");
    }

    private Map<String, AttributeValue> reportItem(CaseFile file) {
        return LocalCasesTable.item(dynamoDb, table, CasesTable.casePartition(file.reference()), "REPORT");
    }
}
