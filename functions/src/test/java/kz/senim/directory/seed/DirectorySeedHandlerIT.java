package kz.senim.directory.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.dynamodb.DirectorySeeder;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The custom resource against DynamoDB Local with the template's DirectoryTable: Create really seeds. */
@ExtendWith(DynamoDbLocalExtension.class)
class DirectorySeedHandlerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CloudFormationResponseUrl cloudFormation = new CloudFormationResponseUrl();
    private final String table = "seed-it-directory-" + UUID.randomUUID();

    @AfterEach
    void close() {
        cloudFormation.close();
    }

    private DirectorySeedHandler handlerOn(DynamoDbEngine dynamoDb) {
        dynamoDb.createTables(SamTemplate.load().tables(id -> "DirectoryTable".equals(id) ? table : "unused-" + id)
                .stream().filter(request -> request.tableName().equals(table)).toList());
        return new DirectorySeedHandler(new DirectorySeeder(dynamoDb.client(), table), HttpClient.newHttpClient());
    }

    private CloudFormationCustomResourceEvent event(String fixture) {
        return cloudFormation.answeringHere(EventLoader.loadCloudFormationCustomResourceEvent(fixture));
    }

    @Test
    void a_create_seeds_every_organisation_of_the_file_and_answers_success(DynamoDbEngine dynamoDb) {
        DirectorySeedHandler handler = handlerOn(dynamoDb);

        String outcome = handler.handleRequest(event("events/cfn-directory-seed-create.json"), null);

        int organisations = DirectoryData.seed().size();
        assertThat(outcome).isEqualTo("SUCCESS");
        JsonNode answer = cloudFormation.onlyAnswer(WAIT).json();
        assertThat(answer.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.path("Data").path("Organisations").asInt()).isEqualTo(organisations);
        assertThat(organisationItems(dynamoDb)).isEqualTo(organisations);
    }

    @Test
    void an_update_after_a_create_leaves_the_same_directory(DynamoDbEngine dynamoDb) {
        DirectorySeedHandler handler = handlerOn(dynamoDb);
        handler.handleRequest(event("events/cfn-directory-seed-create.json"), null);
        cloudFormation.onlyAnswer(WAIT);
        CloudFormationCustomResourceEvent update = event("events/cfn-directory-seed-create.json");
        update.setRequestType("Update");
        update.setPhysicalResourceId("senim-directory-seed");

        String outcome = handler.handleRequest(update, null);

        assertThat(outcome).isEqualTo("SUCCESS");
        assertThat(cloudFormation.onlyAnswer(WAIT).json().path("PhysicalResourceId").asText())
                .isEqualTo(update.getPhysicalResourceId());
        assertThat(organisationItems(dynamoDb)).isEqualTo(DirectoryData.seed().size());
    }

    @Test
    void a_delete_leaves_the_table_to_cloudformation(DynamoDbEngine dynamoDb) {
        DirectorySeedHandler handler = handlerOn(dynamoDb);

        handler.handleRequest(event("events/cfn-directory-seed-delete.json"), null);

        assertThat(cloudFormation.onlyAnswer(WAIT).json().path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(organisationItems(dynamoDb)).isZero();
        handler.handleRequest(event("events/cfn-directory-seed-create.json"), null);
        cloudFormation.onlyAnswer(WAIT);
        assertThat(organisationItems(dynamoDb)).as("a create, same table").isEqualTo(DirectoryData.seed().size());
    }

    private int organisationItems(DynamoDbEngine dynamoDb) {
        return dynamoDb.client().scanPaginator(r -> r.tableName(table)).items().stream()
                .map(item -> item.getOrDefault("sk", AttributeValue.fromS("")).s())
                .filter(sk -> sk.startsWith("ORG#"))
                .mapToInt(sk -> 1).sum();
    }
}
