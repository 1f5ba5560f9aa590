package kz.senim.messaging.dynamodb;

import kz.senim.audit.AuditTrail;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.CaseFile;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.messaging.Conversations;
import kz.senim.messaging.ConversationsContract;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link ConversationsContract} against {@link DynamoDbConversations} on DynamoDB Local: a transaction a message. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbConversationsContractIT extends ConversationsContract {

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbConversations conversations;
    private DynamoDbAuditTrail audit;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
        conversations = new DynamoDbConversations(dynamoDb, table);
        audit = new DynamoDbAuditTrail(dynamoDb, table);
    }

    @Override
    protected Conversations conversations() {
        return conversations;
    }

    @Override
    protected AuditTrail audit() {
        return audit;
    }

    @Override
    protected void store(CaseFile file) {
        LocalCasesTable.putCase(dynamoDb, table, file);
    }
}
