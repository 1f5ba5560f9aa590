package kz.senim.messaging.dynamodb;

import kz.senim.messaging.ConversationsContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.DynamoDbCasesTableFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ConversationsContract} against {@link DynamoDbConversations} on DynamoDB Local: a transaction a message. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbConversationsContractIT extends ConversationsContract {

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
