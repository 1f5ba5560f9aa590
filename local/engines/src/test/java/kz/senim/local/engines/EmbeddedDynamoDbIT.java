package kz.senim.local.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.monitoring.Telemetry;

class EmbeddedDynamoDbIT {

    /** Same shape as CasesTable in infrastructure/template.yaml. */
    private static CreateTableRequest casesTable(String name, boolean stream) {
        CreateTableRequest.Builder table = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE));
        if (stream) {
            table.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
        }
        return table.build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String kind) {
        return Map.of(
                "pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS(sk),
                "kind", AttributeValue.fromS(kind));
    }

    @Test
    void startsInMemoryOnLoopbackWithTelemetryDisabled() {
        long started = System.nanoTime();
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory()) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("EmbeddedDynamoDb.inMemory() started in %d ms at %s%n", millis, db.endpoint());

            assertThat(db.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(db.port()).isPositive();
            assertThat(db.persisted()).isFalse();
            assertThat(db.client().listTables().tableNames()).isEmpty();
            // -disableTelemetry was parsed by DynamoDB Local itself, and its telemetry singleton was never created
            assertThat(db.telemetryDisabled()).isTrue();
            assertThat(Telemetry.getTelemetry()).isEmpty();
            // telemetry would first write this id file in the working directory
            assertThat(Path.of(System.getProperty("user.dir"), "dynamodb-local-metadata.json")).doesNotExist();
        }
    }

    @Test
    void doesNotListenOnOtherInterfaces() throws IOException {
        Optional<InetAddress> nonLoopback = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory()) {
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", db.port()), 2_000);
            }
            if (nonLoopback.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket other = new Socket()) {
                        other.connect(new InetSocketAddress(nonLoopback.get(), db.port()), 2_000);
                    }
                }).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void listensOnAGivenPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory(port)) {
            assertThat(db.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(db.client().listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void createsTablesIdempotentlyAndStoresItems() {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory()) {
            db.createTables(List.of(casesTable("cases", false), casesTable("directory", false)));
            db.createTables(List.of(casesTable("cases", false))); // already there: skipped, no error

            assertThat(db.client().listTables().tableNames()).containsExactly("cases", "directory");

            db.client().putItem(r -> r.tableName("cases").item(item("CASE#SN-1", "REPORT", "REPORT")));
            Map<String, AttributeValue> read = db.client().getItem(r -> r.tableName("cases")
                    .key(Map.of("pk", AttributeValue.fromS("CASE#SN-1"), "sk", AttributeValue.fromS("REPORT")))
                    .consistentRead(true)).item();
            assertThat(read).containsEntry("kind", AttributeValue.fromS("REPORT"));
        }
    }

    @Test
    void supportsTheOutboxTransactionAndConditionalClaims() {
        // DynamoDB Local 3.3.1 is built against AWS SDK 2.48 but runs here with the project's SDK (2.41):
        // exercise the calls the functions module relies on
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory()) {
            db.createTables(List.of(casesTable("cases", true)));
            db.client().transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName("cases").item(item("CASE#SN-4", "REPORT", "REPORT"))
                            .conditionExpression("attribute_not_exists(pk)")),
                    t -> t.put(p -> p.tableName("cases").item(item("CASE#SN-4", "ALERT#org-1", "ALERT")))));
            assertThatThrownBy(() -> db.client().transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName("cases").item(item("CASE#SN-4", "REPORT", "REPORT"))
                            .conditionExpression("attribute_not_exists(pk)")))))
                    .isInstanceOf(TransactionCanceledException.class);

            var claim = db.client().updateItem(r -> r.tableName("cases")
                    .key(Map.of("pk", AttributeValue.fromS("CASE#SN-4"), "sk", AttributeValue.fromS("ALERT#org-1")))
                    .updateExpression("SET claimedUntil = :until")
                    .conditionExpression("attribute_not_exists(claimedUntil)")
                    .expressionAttributeValues(Map.of(":until", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.ALL_NEW));
            assertThat(claim.attributes()).containsKey("claimedUntil");
            assertThatThrownBy(() -> db.client().updateItem(r -> r.tableName("cases")
                    .key(Map.of("pk", AttributeValue.fromS("CASE#SN-4"), "sk", AttributeValue.fromS("ALERT#org-1")))
                    .updateExpression("SET claimedUntil = :until")
                    .conditionExpression("attribute_not_exists(claimedUntil)")
                    .expressionAttributeValues(Map.of(":until", AttributeValue.fromN("2")))))
                    .isInstanceOf(ConditionalCheckFailedException.class);

            assertThat(db.client().query(r -> r.tableName("cases")
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CASE#SN-4")))).count())
                    .isEqualTo(2);
        }
    }

    @Test
    void enablesTtlIdempotently() {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory()) {
            db.createTables(List.of(casesTable("cases", false)));
            db.enableTtl("cases", "expiresAt");
            db.enableTtl("cases", "expiresAt"); // already enabled: no ValidationException

            var ttl = db.client().describeTimeToLive(r -> r.tableName("cases")).timeToLiveDescription();
            assertThat(ttl.attributeName()).isEqualTo("expiresAt");
            assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        }
    }

    @Test
    void streamYieldsTheInsertedItem() {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory()) {
            db.createTables(List.of(casesTable("cases", true)));
            db.client().putItem(r -> r.tableName("cases").item(item("CASE#SN-2", "ALERT#org-1", "ALERT")));

            String streamArn = db.client().describeTable(r -> r.tableName("cases")).table().latestStreamArn();
            assertThat(streamArn).isNotBlank();
            DynamoDbStreamsClient streams = db.streamsClient();
            String shardId = streams.describeStream(r -> r.streamArn(streamArn))
                    .streamDescription().shards().getFirst().shardId();
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = streams.getRecords(r -> r.shardIterator(iterator)).records();

            assertThat(records).hasSize(1);
            Record record = records.getFirst();
            assertThat(record.eventName()).isEqualTo(OperationType.INSERT);
            assertThat(record.dynamodb().newImage()).containsEntry("kind", AttributeValue.fromS("ALERT"));
            assertThat(record.dynamodb().keys()).containsEntry("sk", AttributeValue.fromS("ALERT#org-1"));
        }
    }

    @Test
    void persistedEngineKeepsItemsAcrossARestart(@TempDir Path dir) {
        Path data = dir.resolve("dynamodb");
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inDirectory(data)) {
            assertThat(db.persisted()).isTrue();
            db.createTables(List.of(casesTable("cases", true)));
            db.client().putItem(r -> r.tableName("cases").item(item("CASE#SN-3", "REPORT", "REPORT")));
        }
        assertThat(data.resolve("shared-local-instance.db")).exists();

        long started = System.nanoTime();
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.inDirectory(data)) {
            System.out.printf("EmbeddedDynamoDb.inDirectory() restarted in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            db.createTables(List.of(casesTable("cases", true))); // exists already: skipped
            Map<String, AttributeValue> read = db.client().getItem(r -> r.tableName("cases")
                    .key(Map.of("pk", AttributeValue.fromS("CASE#SN-3"), "sk", AttributeValue.fromS("REPORT")))
                    .consistentRead(true)).item();
            assertThat(read).containsEntry("kind", AttributeValue.fromS("REPORT"));
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws IOException {
        EmbeddedDynamoDb db = EmbeddedDynamoDb.inMemory();
        int port = db.port();
        db.close();
        db.close();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(Files.exists(Path.of("shared-local-instance.db"))).isFalse();
    }
}
