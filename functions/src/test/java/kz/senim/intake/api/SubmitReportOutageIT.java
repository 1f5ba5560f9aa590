package kz.senim.intake.api;

import static kz.senim.testing.HttpApiEvents.body;
import static kz.senim.testing.HttpApiEvents.conforming;
import static kz.senim.testing.HttpApiEvents.headers;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.directory.DirectoryData;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.HttpApiEvents;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestReceipts;
import kz.senim.testing.TestTables;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /v1/reports} while DynamoDB is out of reach (the handler as Lambda builds it, its client pointed at a
 * port where nothing listens), then back (the same handler code pointed at DynamoDB Local): the app is told to retry,
 * nothing half-stored, and its retry with the same {@code Idempotency-Key} creates the case exactly once.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class SubmitReportOutageIT {

    private static final String FIXTURE = "events/apigw-v2-submit-report.json";

    @Test
    void aReportWhileDynamoDbIsOutOfReachIsA503WithRetryAfterAndItsRetryCreatesExactlyOneCase(DynamoDbEngine engine)
            throws IOException {
        TestTables tables = TestTables.create(engine);
        Map<String, String> settings = Map.of(Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory(), Wiring.CASE_KEYS_TABLE, tables.caseKeys(),
                Wiring.CONTENT_KEK, TestContent.KEK, Wiring.RECEIPT_KEYS, TestReceipts.KEYS);
        Wiring up = LocalWiring.against(engine, null, settings, Clock.systemUTC());
        up.directorySeeder().seed(DirectoryData.seed());
        APIGatewayV2HTTPEvent report = HttpApiEvents.header(HttpApiEvents.load(FIXTURE), "Idempotency-Key",
                UUID.randomUUID().toString());

        APIGatewayV2HTTPResponse outage = conforming(report,
                new SubmitReportHandler(wiringWhereNothingListens(engine, settings)).handleRequest(report, null));

        assertThat(outage.getStatusCode()).isEqualTo(503);
        assertThat(headers(outage)).containsEntry("Retry-After", "2")
                .containsEntry("Content-Type", "application/problem+json; charset=utf-8");
        assertThat(body(outage).path("code").asText()).isEqualTo("service_unavailable");
        assertThat(kinds(engine, tables)).as("nothing partial stored").isEmpty();

        APIGatewayV2HTTPResponse retried = conforming(report, new SubmitReportHandler(up).handleRequest(report, null));
        APIGatewayV2HTTPResponse again = conforming(report, new SubmitReportHandler(up).handleRequest(report, null));

        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(headers(again)).containsEntry("Idempotent-Replayed", "true");
        String reference = body(retried).path("reference").asText();
        assertThat(body(again).path("reference").asText()).isEqualTo(reference);
        Map<String, Integer> stored = kinds(engine, tables);
        assertThat(stored).containsEntry("REPORT", 1).containsEntry("IDEMPOTENCY", 1).containsKey("ALERT");
        assertThat(engine.client().query(r -> r.tableName(tables.cases()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :alert)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CASE#" + reference),
                        ":alert", AttributeValue.fromS("ALERT#")))).count()).isEqualTo(stored.get("ALERT"));
    }

    /** The production wiring with its DynamoDB endpoint on a port nothing listens on. */
    private static Wiring wiringWhereNothingListens(DynamoDbEngine engine, Map<String, String> settings)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> all = new HashMap<>(settings);
        all.put(Wiring.AWS_REGION, engine.region().id());
        Wiring wiring = new Wiring(all::get, Clock.systemUTC());
        String previous = System.setProperty(LocalWiring.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + port);
        try {
            wiring.dynamoDb();
        } finally {
            if (previous == null) {
                System.clearProperty(LocalWiring.DYNAMODB_ENDPOINT);
            } else {
                System.setProperty(LocalWiring.DYNAMODB_ENDPOINT, previous);
            }
        }
        return wiring;
    }

    /** How many items of each kind the cases table holds. */
    private static Map<String, Integer> kinds(DynamoDbEngine engine, TestTables tables) {
        Map<String, Integer> kinds = new HashMap<>();
        List<Map<String, AttributeValue>> items = engine.client().scanPaginator(r -> r.tableName(tables.cases())
                .consistentRead(true)).items().stream().toList();
        items.forEach(item -> kinds.merge(item.containsKey("kind") ? item.get("kind").s() : "?", 1, Integer::sum));
        return kinds;
    }
}
