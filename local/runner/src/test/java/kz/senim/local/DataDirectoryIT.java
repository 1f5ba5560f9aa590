package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.EmbeddedDynamoDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/**
 * Issue 8: the data directory held reports in clear, readable by anyone on the machine. Now only its owner may enter
 * it, its files are the owner's alone, and what people typed is in none of them in clear: it is sealed before it
 * reaches DynamoDB Local, under keys wrapped by the KEK in {@value LocalSecrets#CONTENT_KEK_FILE}.
 */
class DataDirectoryIT {

    private static final String REPLY = "Я пока в общежитии за рынком, телефон прячу под матрасом.";

    @Test
    void theDataDirectoryIsTheOwnersAloneAndNoFileOfItHoldsWhatPeopleTyped(@TempDir Path parent) throws IOException {
        Path dataDir = parent.resolve("senim-data");
        ObjectNode report = ReportBodies.victimInAlmatyInDanger();
        String reference;
        try (SenimLocal senim = SenimLocal.start(Options.forTests().withDataDir(dataDir))) {
            LocalApi api = new LocalApi(senim);
            JsonNode submitted = api.submit(ReportBodies.newKey(), report.toString()).json();
            reference = submitted.path("reference").asText();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Receipt", submitted.path("receipt").asText());
            headers.put("Idempotency-Key", ReportBodies.newKey());
            assertThat(api.sendJson("POST", "/v1/reports/" + reference + "/messages", headers,
                    LocalApi.JSON.createObjectNode().put("text", REPLY).toString()).status()).isEqualTo(201);
            JsonNode opened = api.get("/v1/cases/" + reference,
                    LocalApi.bearer(api.tokenFor("dana.coordinator.almaty"))).json();
            assertThat(opened.path("narrative").asText()).as("the case view opens what was sealed")
                    .isEqualTo(report.path("narrative").asText());
            assertThat(opened.path("messages").findValuesAsText("text")).containsExactly(REPLY);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        }

        Map<Path, String> files = files(dataDir);
        assertThat(files.keySet()).extracting(p -> p.getFileName().toString())
                .contains("shared-local-instance.db", LocalSecrets.CONTENT_KEK_FILE, LocalSecrets.RECEIPT_KEYS_FILE);
        assertThat(files.get(dataDir.resolve("shared-local-instance.db")))
                .as("the guard: the report is in the database file").contains(reference);
        files.forEach((file, text) -> assertThat(text).as(file.toString())
                .doesNotContain(report.path("narrative").asText())
                .doesNotContain(report.path("locality").asText())
                .doesNotContain(REPLY)
                .doesNotContain("забрал паспорт")
                .doesNotContain("под матрасом"));
        for (Path file : files.keySet()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aDataDirectoryMadeBeforeTheUnpublishedAlertsAndRetentionIndexesGetsThemAtStart(@TempDir Path parent) {
        Path dataDir = parent.resolve("older-senim-data");
        CreateTableRequest cases = SamTemplate.load().tables(logicalId -> Deployment.STACK_NAME + "-"
                        + (logicalId.equals("CasesTable") ? "cases" : "unused-" + logicalId)).stream()
                .filter(table -> table.tableName().equals("senim-cases")).findFirst().orElseThrow();
        CreateTableRequest older = cases.toBuilder()
                .globalSecondaryIndexes(cases.globalSecondaryIndexes().stream()
                        .filter(index -> !index.indexName().equals("RetentionIndex")
                                && !index.indexName().equals("UnpublishedAlertsIndex")).toList())
                .attributeDefinitions(cases.attributeDefinitions().stream()
                        .filter(attribute -> !attribute.attributeName().startsWith("gsi4")
                                && !attribute.attributeName().startsWith("gsi5")).toList())
                .build();
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.inDirectory(dataDir)) {
            engine.createTables(List.of(older));
            assertThat(indexes(engine, "senim-cases")).as("the guard: an older table")
                    .contains("QueueIndex").doesNotContain("RetentionIndex", "UnpublishedAlertsIndex");
        }

        try (SenimLocal senim = SenimLocal.start(Options.forTests().withDataDir(dataDir))) {
            assertThat(indexes(senim.dynamoDb(), "senim-cases"))
                    .contains("QueueIndex", "PendingAlertsIndex", "ProviderIndex", "UnpublishedAlertsIndex",
                            "RetentionIndex");
            assertThat(new LocalApi(senim).sendUnchecked("POST", LocalEndpoints.SCHEDULES + "EraseDueContentFunction",
                    Map.of(), null).status()).as("the retention run reads the index").isEqualTo(200);
        }
    }

    private static List<String> indexes(DynamoDbEngine engine, String table) {
        return engine.client().describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).toList();
    }

    /** Every regular file of the directory, as UTF-8 text (what {@code grep} would see). */
    private static Map<Path, String> files(Path dir) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
