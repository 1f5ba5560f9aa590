package kz.senim.local.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith({DynamoDbLocalExtension.class, SnsEmulatorExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionsIT {

    private static DynamoDbEngine firstDb;
    private static SnsEngine firstSns;

    @Test
    @Order(1)
    void injectsRunningEngines(DynamoDbEngine db, SnsEngine sns) {
        firstDb = db;
        firstSns = sns;
        db.createTables(List.of(CreateTableRequest.builder()
                .tableName("extension-table")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build()));
        String topicArn = sns.sns().createTopic(r -> r.name("extension-topic")).topicArn();
        assertThat(topicArn).isEqualTo(sns.topicArn("extension-topic"));
    }

    @Test
    @Order(2)
    void sharesOneEngineOfEachKindPerTestJvm(DynamoDbEngine db, SnsEngine sns) {
        assertThat(db).isSameAs(firstDb);
        assertThat(sns).isSameAs(firstSns);
        assertThat(db.client().listTables().tableNames()).contains("extension-table");
    }

    @Test
    @Order(3)
    void theDefaultEnginesAreTheEmbeddedOnes(DynamoDbEngine db, SnsEngine sns) {
        // what "default" means is only observable when no other engine was chosen (-Dsenim.engine=localstack)
        Assumptions.assumeTrue(Engines.embedded(), "the embedded engines are selected");
        assertThat(db).isInstanceOf(EmbeddedDynamoDb.class).isSameAs(firstDb);
        assertThat(sns).isInstanceOf(SnsEmulator.class).isSameAs(firstSns);
    }
}
