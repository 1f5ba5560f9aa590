package kz.senim.referral.dynamodb;

import kz.senim.audit.AuditTrail;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.referral.Referrals;
import kz.senim.referral.ReferralsContract;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link ReferralsContract} against {@link DynamoDbReferrals} on DynamoDB Local (transactions, ProviderIndex). */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbReferralsContractIT extends ReferralsContract {

    private DynamoDbClient dynamoDb;
    private String table;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
    }

    @Override
    protected Referrals referrals() {
        return new DynamoDbReferrals(dynamoDb, table);
    }

    @Override
    protected Cases cases() {
        return new DynamoDbCases(dynamoDb, table);
    }

    @Override
    protected AuditTrail audit() {
        return new DynamoDbAuditTrail(dynamoDb, table);
    }

    @Override
    protected void store(CaseFile file) {
        LocalCasesTable.putCase(dynamoDb, table, file);
    }
}
