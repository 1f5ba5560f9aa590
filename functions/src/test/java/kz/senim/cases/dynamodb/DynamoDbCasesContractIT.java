package kz.senim.cases.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CasesContract;
import kz.senim.cases.Category;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.Severity;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.DynamoDbCasesTableFixture;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link CasesContract} against {@link DynamoDbCases} on DynamoDB Local (QueueIndex, conditional updates). */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbCasesContractIT extends CasesContract {

    private DynamoDbCasesTableFixture table;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        table = new DynamoDbCasesTableFixture(engine);
    }

    @Override
    protected CasesTableFixture table() {
        return table;
    }

    @Test
    void reopeningRemovesTheOutcomeAttributeFromTheReportItem() {
        CaseFile file = almaty(NOON, CaseStatus.IN_PROGRESS, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile closed = changed(file.close(ClosingOutcome.ASSISTED, false, NOON.plusSeconds(1)));
        table.cases().save(closed, entry(closed, "case_closed"));
        assertThat(reportItem(file).get("outcome").s()).isEqualTo("assisted");

        CaseFile reopened = changed(closed.reopen("again", NOON.plusSeconds(2)));
        table.cases().save(reopened, entry(reopened, "case_reopened"));

        assertThat(reportItem(file).get("statusReason").s()).isEqualTo("again");
        assertThat(reportItem(file)).doesNotContainKey("outcome");
    }

    private Map<String, AttributeValue> reportItem(CaseFile file) {
        return LocalCasesTable.item(table.dynamoDb(), table.table(), CasesTable.casePartition(file.reference()),
                "REPORT");
    }
}
