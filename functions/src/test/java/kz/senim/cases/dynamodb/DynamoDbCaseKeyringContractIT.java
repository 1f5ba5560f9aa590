package kz.senim.cases.dynamodb;

import kz.senim.cases.CaseKey;
import kz.senim.cases.CaseKeyring;
import kz.senim.cases.CaseKeyringContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link CaseKeyringContract} against {@link CaseKeysTable} on DynamoDB Local, keys put as a write puts them. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DynamoDbCaseKeyringContractIT extends CaseKeyringContract {

    private DynamoDbClient dynamoDb;
    private CaseKeysTable keys;

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        keys = new CaseKeysTable(dynamoDb, LocalCasesTable.keysOf(LocalCasesTable.create(engine)));
    }

    @Override
    protected CaseKeyring keyring() {
        return keys;
    }

    /** As {@link ContentWrites} does: the put of the new key in the transaction of its write. */
    @Override
    protected void keep(CaseKey key) {
        dynamoDb.transactWriteItems(r -> r.transactItems(CaseKeysTable.putNew(keys.table(), key)));
    }
}
