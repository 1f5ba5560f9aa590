package kz.senim.bench;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.DynamoDbEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The floor: the same DynamoDB calls Senim makes, made directly with the SDK on the same DynamoDB Local, each thread
 * with its own client built as Wiring builds one (URL-connection HTTP client, region, endpoint).
 *
 * <p>Raw transactions go to the floor table, a copy of the cases table's definition (same keys, indexes and stream)
 * that no stream consumer reads: the runner's dispatcher would otherwise dispatch the floor's alerts while it is being
 * measured.
 */
final class RawDynamoDb implements AutoCloseable {

    static final String FLOOR_TABLE = "senim-bench-floor";

    private final URI endpoint;
    private final Region region;
    private final List<DynamoDbClient> clients = new CopyOnWriteArrayList<>();

    RawDynamoDb(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = Region.of(region);
    }

    /** Creates the floor table from the template's CasesTable, renamed. */
    static void createFloorTable(DynamoDbEngine engine) {
        CreateTableRequest cases = SamTemplate.load().tables(logicalId -> "bench-" + logicalId).stream()
                .filter(table -> table.tableName().equals("bench-CasesTable"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the template has no CasesTable"));
        engine.createTables(List.of(cases.toBuilder().tableName(FLOOR_TABLE).build()));
    }

    DynamoDbClient newClient() {
        DynamoDbClient client = DynamoDbClient.builder()
                .region(region)
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        clients.add(client);
        return client;
    }

    /** New reports written as Senim writes them: one transaction each, on {@code threads} threads. */
    Latencies transactions(SubmissionItems shape, int threads, int total, int warmups) {
        return Series.run(threads, total, warmups, () -> {
            DynamoDbClient client = newClient();
            return () -> {
                SubmissionItems items = shape.fresh();
                client.transactWriteItems(r -> r.transactItems(items.transaction(FLOOR_TABLE,
                        Instant.now().getEpochSecond())));
            };
        });
    }

    Latencies getItems(String table, Map<String, AttributeValue> key, int count, int warmups) {
        return Series.run(1, count, warmups, () -> {
            DynamoDbClient client = newClient();
            return () -> {
                if (!client.getItem(r -> r.tableName(table).key(key)).hasItem()) {
                    throw new IllegalStateException("no item at " + key);
                }
            };
        });
    }

    Latencies queries(QueryRequest query, int count, int warmups) {
        return Series.run(1, count, warmups, () -> {
            DynamoDbClient client = newClient();
            return () -> {
                if (client.query(query).items().isEmpty()) {
                    throw new IllegalStateException("the query found nothing");
                }
            };
        });
    }

    @Override
    public void close() {
        clients.forEach(DynamoDbClient::close);
        clients.clear();
    }
}
