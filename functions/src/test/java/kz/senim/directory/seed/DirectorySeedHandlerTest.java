package kz.senim.directory.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import kz.senim.directory.dynamodb.DirectorySeeder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The custom resource's answers to CloudFormation. Seeding itself needs DynamoDB, so here the seeder's table is out
 * of reach (a loopback port nobody listens on): a Delete must still succeed because it never seeds, and a Create
 * must fail with a reason that gives nothing away. {@code DirectorySeedHandlerIT} seeds a real DynamoDB Local.
 */
class DirectorySeedHandlerTest {

    private static final String UNREACHABLE_TABLE = "senim-directory-out-of-reach";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CloudFormationResponseUrl cloudFormation = new CloudFormationResponseUrl();
    private final DynamoDbClient unreachableDynamoDb = DynamoDbClient.builder()
            .region(Region.EU_CENTRAL_1)
            .endpointOverride(URI.create("http://127.0.0.1:" + closedPort()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                    .apiCallTimeout(Duration.ofSeconds(5)))
            .build();
    private final DirectorySeedHandler handler = new DirectorySeedHandler(
            new DirectorySeeder(unreachableDynamoDb, UNREACHABLE_TABLE), HttpClient.newHttpClient());

    @AfterEach
    void close() {
        cloudFormation.close();
        unreachableDynamoDb.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CloudFormationCustomResourceEvent event(String fixture) {
        return cloudFormation.answeringHere(EventLoader.loadCloudFormationCustomResourceEvent(fixture));
    }

    @Test
    void a_delete_succeeds_without_touching_the_directory() {
        CloudFormationCustomResourceEvent delete = event("events/cfn-directory-seed-delete.json");

        String outcome = handler.handleRequest(delete, null);

        assertThat(outcome).isEqualTo("SUCCESS");
        JsonNode answer = cloudFormation.onlyAnswer(WAIT).json();
        assertThat(answer.path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.path("PhysicalResourceId").asText()).isEqualTo(delete.getPhysicalResourceId());
        assertThat(answer.has("Data")).isFalse();
    }

    @Test
    void the_answer_is_a_put_to_the_presigned_url_exactly_as_given_with_the_events_ids() {
        CloudFormationCustomResourceEvent delete = event("events/cfn-directory-seed-delete.json");
        String presigned = CloudFormationResponseUrl.pathAndQuery(delete);

        handler.handleRequest(delete, null);

        CloudFormationResponseUrl.Answer answer = cloudFormation.onlyAnswer(WAIT);
        assertThat(answer.method()).isEqualTo("PUT");
        assertThat(answer.rawPathAndQuery()).isEqualTo(presigned).contains("X-Amz-Signature=");
        assertThat(answer.headers().getOrDefault("Content-Type", java.util.List.of(""))).containsOnly("");
        JsonNode json = answer.json();
        assertThat(json.path("StackId").asText()).isEqualTo(delete.getStackId());
        assertThat(json.path("RequestId").asText()).isEqualTo(delete.getRequestId());
        assertThat(json.path("LogicalResourceId").asText()).isEqualTo(delete.getLogicalResourceId());
        assertThat(json.path("PhysicalResourceId").asText()).isNotBlank();
    }

    @Test
    void a_create_that_cannot_seed_fails_with_a_reason_that_gives_nothing_away() {
        CloudFormationCustomResourceEvent create = event("events/cfn-directory-seed-create.json");

        String outcome = handler.handleRequest(create, null);

        assertThat(outcome).isEqualTo("FAILED");
        JsonNode answer = cloudFormation.onlyAnswer(WAIT).json();
        assertThat(answer.path("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("RequestId").asText()).isEqualTo(create.getRequestId());
        assertThat(answer.path("PhysicalResourceId").asText()).isNotBlank();
        String reason = answer.path("Reason").asText();
        assertThat(reason).isNotBlank().hasSizeLessThan(200)
                .doesNotContain(UNREACHABLE_TABLE, "127.0.0.1", "http", "Connection refused", "test");
    }

    @Test
    void a_create_answers_with_the_physical_id_a_later_delete_will_carry() {
        CloudFormationCustomResourceEvent create = event("events/cfn-directory-seed-create.json");
        CloudFormationCustomResourceEvent delete = EventLoader.loadCloudFormationCustomResourceEvent(
                "events/cfn-directory-seed-delete.json");

        handler.handleRequest(create, null);

        assertThat(cloudFormation.onlyAnswer(WAIT).json().path("PhysicalResourceId").asText())
                .isEqualTo(delete.getPhysicalResourceId());
    }
}
