package kz.senim.referral.dynamodb;

import kz.senim.referral.ReferralsContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.DynamoDbCasesTableFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ReferralsContract} against {@link DynamoDbReferrals} on DynamoDB Local (transactions, ProviderIndex). */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbReferralsContractIT extends ReferralsContract {

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
