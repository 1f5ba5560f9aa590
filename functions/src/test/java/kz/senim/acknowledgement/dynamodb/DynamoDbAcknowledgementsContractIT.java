package kz.senim.acknowledgement.dynamodb;

import kz.senim.acknowledgement.AcknowledgementsContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.AlertsFixture;
import kz.senim.testing.DynamoDbAlertsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AcknowledgementsContract} against {@link DynamoDbAcknowledgements} on DynamoDB Local: one transaction. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbAcknowledgementsContractIT extends AcknowledgementsContract {

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
