package kz.senim.audit.dynamodb;

import kz.senim.audit.AuditTrail;
import kz.senim.audit.AuditTrailContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AuditTrailContract} against {@link DynamoDbAuditTrail} on DynamoDB Local. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DynamoDbAuditTrailContractIT extends AuditTrailContract {

    private DynamoDbAuditTrail audit;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        audit = new DynamoDbAuditTrail(engine.client(), LocalCasesTable.create(engine));
    }

    @Override
    protected AuditTrail audit() {
        return audit;
    }
}
