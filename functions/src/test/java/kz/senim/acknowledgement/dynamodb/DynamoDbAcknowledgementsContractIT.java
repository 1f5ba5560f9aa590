package kz.senim.acknowledgement.dynamodb;

import kz.senim.acknowledgement.AcknowledgementsContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.DynamoDbCasesTableFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AcknowledgementsContract} against {@link DynamoDbAcknowledgements} on DynamoDB Local: one transaction. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbAcknowledgementsContractIT extends AcknowledgementsContract {

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
