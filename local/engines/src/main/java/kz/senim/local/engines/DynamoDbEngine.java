package kz.senim.local.engines;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A running DynamoDB (+ DynamoDB Streams) endpoint for tests and the local runner:
 * {@link EmbeddedDynamoDb} by default, LocalStack with {@code -Dsenim.engine=localstack}.
 *
 * <p>The clients are owned by the engine (created once, closed by {@link #close()}); do not close them.
 */
public interface DynamoDbEngine extends AutoCloseable {

    /** Endpoint to hand to code under test, e.g. as {@code AWS_ENDPOINT_URL_DYNAMODB}. */
    URI endpoint();

    /** Region the clients sign for ({@code eu-central-1}). */
    Region region();

    /** DynamoDB client bound to {@link #endpoint()} (URL-connection HTTP client, static dummy credentials). */
    DynamoDbClient client();

    /** DynamoDB Streams client bound to the same engine. */
    DynamoDbStreamsClient streamsClient();

    /**
     * Creates the tables that do not exist yet and waits until they exist; tables that already exist are left
     * untouched (so a persisted engine can be reopened with the same requests).
     */
    default void createTables(Collection<CreateTableRequest> tables) {
        DynamoDbClient client = client();
        Set<String> existing = new HashSet<>();
        client.listTablesPaginator().tableNames().forEach(existing::add);
        for (CreateTableRequest table : tables) {
            if (existing.contains(table.tableName())) {
                continue;
            }
            try {
                client.createTable(table);
            } catch (ResourceInUseException createdMeanwhile) {
                // someone else created it between listTables and createTable: fine, it exists
            }
            client.waiter().waitUntilTableExists(r -> r.tableName(table.tableName()));
            existing.add(table.tableName());
        }
    }

    /** Enables TTL on {@code attribute}; does nothing if TTL is already enabled on that attribute. */
    default void enableTtl(String table, String attribute) {
        TimeToLiveDescription current =
                client().describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        if (current != null
                && attribute.equals(current.attributeName())
                && (current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                        || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING)) {
            return;
        }
        client().updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
    }

    /** Stops the engine (or releases it, for a shared one) and closes its clients. */
    @Override
    void close();
}
