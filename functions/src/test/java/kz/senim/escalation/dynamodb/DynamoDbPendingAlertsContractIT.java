package kz.senim.escalation.dynamodb;

import kz.senim.escalation.PendingAlertsContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.DynamoDbCasesTableFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PendingAlertsContract} against {@link DynamoDbPendingAlerts} on DynamoDB Local: PendingAlertsIndex. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbPendingAlertsContractIT extends PendingAlertsContract {

    private DynamoDbCasesTableFixture table;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        table = new DynamoDbCasesTableFixture(engine);
    }

    @Override
    protected CasesTableFixture table() {
        return table;
    }
}
