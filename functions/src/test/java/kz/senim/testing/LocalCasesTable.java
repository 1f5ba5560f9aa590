package kz.senim.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.AuditItems;
import kz.senim.cases.dynamodb.CaseItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.SubmissionOutcome;
import kz.senim.intake.SubmitReport;
import kz.senim.intake.dynamodb.DynamoDbReports;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.regions.RegionCatalogue;
import kz.senim.triage.Triage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A fresh cases table for one test, exactly as {@code template.yaml} declares it (keys, indexes, stream, TTL). */
public final class LocalCasesTable {

    private static final String LOGICAL_ID = "CasesTable";
    private static final String KEYS_LOGICAL_ID = "CaseKeysTable";

    private LocalCasesTable() {
    }

    /** @return the new table's name, {@code it-<random>-CasesTable}; its keys are in {@link #keysOf}. */
    public static String create(DynamoDbEngine engine) {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String name = run + LOGICAL_ID;
        SamTemplate template = SamTemplate.load();
        List<CreateTableRequest> tables = template.tables(logicalId -> run + logicalId).stream()
                .filter(table -> table.tableName().equals(name) || table.tableName().equals(keysOf(name)))
                .toList();
        engine.createTables(tables);
        template.ttlAttribute(LOGICAL_ID).ifPresent(attribute -> engine.enableTtl(name, attribute));
        return name;
    }

    /** The case keys table made with the cases table {@code casesTable}. */
    public static String keysOf(String casesTable) {
        return casesTable.substring(0, casesTable.length() - LOGICAL_ID.length()) + KEYS_LOGICAL_ID;
    }

    /** Intake storing into {@code table} (its texts sealed, keys in {@link #keysOf}), with the seeded directory. */
    public static SubmitReport intake(DynamoDbClient dynamoDb, String table, SecureRandom random, Clock clock) {
        return new SubmitReport(new DynamoDbReports(dynamoDb, table, clock,
                TestContent.writes(dynamoDb, keysOf(table))),
                new Triage(FixedDirectory.seeded()), new SafetyAdvice(RegionCatalogue.load(), FixedDirectory.seeded()),
                TestReceipts.hasher(), random, clock);
    }

    /** A victim's report in Almaty, submitted once; its reference. */
    public static Reference submitVictimInAlmaty(SubmitReport submitReport) {
        return ((SubmissionOutcome.Accepted) submitReport.submit(
                new IdempotencyKey(UUID.randomUUID().toString()), Submissions.victimInAlmaty())).reference();
    }

    /**
     * Puts {@code file} in place as intake stores a new case: its report item (its texts sealed, their key beside it
     * in {@link #keysOf}), in its region's queue.
     */
    public static CaseFile putCase(DynamoDbClient dynamoDb, String table, CaseFile file) {
        ContentWrites.Write write = TestContent.writes(dynamoDb, keysOf(table)).of(file.reference());
        Map<String, AttributeValue> item = CaseItems.newItem(file, "hmac-sha256$test$not-a-receipt", write);
        dynamoDb.transactWriteItems(r -> r.transactItems(write.withNewKey(List.of(TransactWriteItem.builder()
                .put(put -> put.tableName(table).item(item)).build()))));
        return file;
    }

    /** Puts an organisation's alert in the outbox as intake writes it: pending, step 0, in the pending index. */
    public static Alert putAlert(DynamoDbClient dynamoDb, String table, Alert alert) {
        dynamoDb.putItem(r -> r.tableName(table).item(AlertItems.toItem(alert)));
        return alert;
    }

    /** The raw item, read consistently. */
    public static Map<String, AttributeValue> item(DynamoDbClient dynamoDb, String table, String pk, String sk) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    /** The case's audit trail, oldest first. */
    public static List<AuditEntry> audit(DynamoDbClient dynamoDb, String table, Reference reference) {
        return dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :audit)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CasesTable.casePartition(
                                reference)), ":audit", AttributeValue.fromS(AuditItems.SK_PREFIX))))
                .items().stream().map(AuditItems::fromItem).toList();
    }
}
