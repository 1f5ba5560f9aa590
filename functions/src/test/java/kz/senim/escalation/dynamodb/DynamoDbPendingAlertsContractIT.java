package kz.senim.escalation.dynamodb;

import kz.senim.escalation.PendingAlertsContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.AlertsFixture;
import kz.senim.testing.DynamoDbAlertsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PendingAlertsContract} against {@link DynamoDbPendingAlerts} on DynamoDB Local: PendingAlertsIndex. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbPendingAlertsContractIT extends PendingAlertsContract {

    private DynamoDbAlertsFixture alerts;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        alerts = new DynamoDbAlertsFixture(engine);
    }

    @Override
    protected AlertsFixture alerts() {
        return alerts;
    }
}
