package kz.senim.cases.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
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
    void reopeningRemovesTheOutcomeAttributeAndKeepsItsReasonSealedUnderAKeyOfItsOwn() {
        CaseFile file = almaty(NOON, CaseStatus.IN_PROGRESS, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile closed = changed(file.close(ClosingOutcome.ASSISTED, false, NOON.plusSeconds(1)));
        table.cases().save(closed, entry(closed, "case_closed"));
        assertThat(reportItem(file).get("outcome").s()).isEqualTo("assisted");

        CaseFile reopened = changed(closed.reopen("again", NOON.plusSeconds(2)));
        table.cases().save(reopened, entry(reopened, "case_reopened"));

        String reason = reportItem(file).get("statusReason").s();
        assertThat(reason).startsWith(CaseText.Sealed.PREFIX).doesNotContain("again");
        assertThat(table.content().opening(file.reference()).open(CaseText.stored(reason)))
                .isEqualTo(CaseText.plain("again"));
        assertThat(reportItem(file)).doesNotContainKey("outcome");
        assertThat(table.dynamoDb().scanPaginator(r -> r.tableName(table.keysTable())).items().stream()
                .filter(key -> key.get("pk").s().equals(CasesTable.casePartition(file.reference()))).toList())
                .as("the report's data key and the reason's").hasSize(2);
    }

    private Map<String, AttributeValue> reportItem(CaseFile file) {
        return LocalCasesTable.item(table.dynamoDb(), table.table(), CasesTable.casePartition(file.reference()),
                "REPORT");
    }
}
