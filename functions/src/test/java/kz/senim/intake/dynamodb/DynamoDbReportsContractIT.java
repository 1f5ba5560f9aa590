package kz.senim.intake.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseText;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.intake.IdempotencyRecord;
import kz.senim.intake.Report;
import kz.senim.intake.Reports.SaveOutcome;
import kz.senim.intake.Reports;
import kz.senim.intake.ReportsContract;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalCasesTable;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ReportsContract} against {@link DynamoDbReports} on DynamoDB Local: one transaction, each write conditional;
 * and what it leaves in the case's partition (the report item, its texts sealed with their key beside it in the case
 * keys table, one outbox item per alert, nothing of a refused try).
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DynamoDbReportsContractIT extends ReportsContract {

    /** The attributes ARCHITECTURE.md documents for a report item; anything else would be a leak waiting to happen. */
    private static final Set<String> REPORT_ATTRIBUTES = Set.of("pk", "sk", "kind", "reference", "reporterRole",
            "category", "region", "locality", "immediateDanger", "policeConsent", "childInvolved", "foreignNational",
            "narrative", "language", "severity", "status", "receiptHash", "submittedAt", "updatedAt", "version",
            "takenBy", "assignee", "involvedOrganisations", "outcome", "statusReason", "gsi1pk", "gsi1sk",
            "gsi5pk", "gsi5sk", "erasedAt", "erasure", "erasureWarnedAt", "erasureDueAt");

    private DynamoDbClient dynamoDb;
    private String table;
    private String keysTable;
    private CaseContent content;
    private DynamoDbReports reports;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
        keysTable = LocalCasesTable.keysOf(table);
        content = TestContent.content(dynamoDb, keysTable);
        reports = new DynamoDbReports(dynamoDb, table, clock, new ContentWrites(content, keysTable));
    }

    @Override
    protected Reports reports() {
        return reports;
    }

    @Override
    protected CaseContent content() {
        return content;
    }

    /** As an erasure's commit does (DynamoDbCaseErasures): the report item loses its receipt's hash. */
    @Override
    protected void eraseReceipt(Reference reference) {
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(CasesTable.casePartition(reference)),
                        "sk", AttributeValue.fromS("REPORT")))
                .updateExpression("REMOVE receiptHash"));
    }

    @Test
    void theNarrativeAndTheLocalityAreStoredSealedTogetherWithTheirKey() {
        Report report = report(Submissions.victimInAlmaty());
        reports.saveNew(report, alerts(report, "kz-75-commission"), record(report));

        Map<String, AttributeValue> stored = item(report.reference(), "REPORT");
        String narrative = stored.get("narrative").s();
        String locality = stored.get("locality").s();
        List<Map<String, AttributeValue>> keys = dynamoDb.scanPaginator(r -> r.tableName(keysTable)).items().stream()
                .toList();

        assertThat(narrative).startsWith(CaseText.Sealed.PREFIX);
        assertThat(locality).startsWith(CaseText.Sealed.PREFIX);
        assertThat(stored.toString()).doesNotContain(Submissions.narrative(report.submission()))
                .doesNotContain("Bazaar");
        assertThat(keys).as("one data key for the write, in the case keys table").singleElement().satisfies(key -> {
            assertThat(key.get("pk").s()).isEqualTo(CasesTable.casePartition(report.reference()));
            assertThat(key.get("sk").s()).isEqualTo("KEY#" + new CaseText.Sealed(narrative).keyId());
            assertThat(key.get("wrappedKey").b().asByteArray()).hasSizeGreaterThan(32);
        });
        assertThat(new CaseText.Sealed(locality).keyId()).isEqualTo(new CaseText.Sealed(narrative).keyId());
        assertThat(content.opening(report.reference()).open(CaseText.stored(narrative)))
                .isEqualTo(report.submission().narrative());
    }

    @Test
    void theReportAndOneOutboxItemPerAlertAreInTheCasePartition() {
        Report report = report(Submissions.victimInAlmaty());
        List<Alert> alerts = alerts(report, "kz-75-commission", "ngo-shelter-almaty");

        reports.saveNew(report, alerts, record(report));

        assertThat(sortKeys(report.reference())).containsExactlyInAnyOrder("REPORT", "ALERT#kz-75-commission",
                "ALERT#ngo-shelter-almaty");
        for (Alert alert : alerts) {
            assertThat(AlertItems.fromItem(item(report.reference(), "ALERT#" + alert.organisationId())))
                    .isEqualTo(alert);
        }
    }

    @Test
    void aRefusedReportLeavesNoOutboxItemBehind() {
        Report first = report(Submissions.victimInAlmaty());
        IdempotencyRecord firstRecord = record(first);
        reports.saveNew(first, alerts(first, "kz-75-commission"), firstRecord);
        Report sameKey = report(Submissions.victimInAlmaty());
        Report sameReference = new Report(first.reference(), first.submission(), first.severity(), first.status(),
                "hmac-sha256$other", first.submittedAt(), first.updatedAt());

        assertThat(reports.saveNew(sameKey, alerts(sameKey, "kz-75-commission"), new IdempotencyRecord(
                firstRecord.keyHash(), "request", sameKey.reference(), "sealed", firstRecord.expiresAt())))
                .isEqualTo(new SaveOutcome.KeyTaken());
        assertThat(reports.saveNew(sameReference, alerts(sameReference, "national-secretariat"), record(sameReference)))
                .isEqualTo(new SaveOutcome.ReferenceTaken());

        assertThat(sortKeys(sameKey.reference())).isEmpty();
        assertThat(sortKeys(first.reference())).containsExactlyInAnyOrder("REPORT", "ALERT#kz-75-commission");
        assertThat(dynamoDb.scanPaginator(r -> r.tableName(keysTable)).items().stream().map(key -> key.get("pk").s()))
                .as("the first report's data key only: a refused write leaves none")
                .containsExactly(CasesTable.casePartition(first.reference()));
    }

    @Test
    void theReportItemHoldsOnlyTheDocumentedAttributesAndNoLocalityWhenThereIsNone() {
        ReportSubmission withLocality = Submissions.victimInAlmaty();
        ReportSubmission without = new ReportSubmission(withLocality.reporterRole(), withLocality.category(),
                withLocality.region(), Optional.empty(), false, false, false, false, withLocality.narrative(),
                withLocality.language());
        Report located = report(withLocality);
        Report unlocated = report(without);
        reports.saveNew(located, alerts(located, "kz-75-commission"), record(located));
        reports.saveNew(unlocated, alerts(unlocated, "kz-75-commission"), record(unlocated));

        Map<String, AttributeValue> stored = item(located.reference(), "REPORT");
        assertThat(REPORT_ATTRIBUTES).containsAll(stored.keySet());
        assertThat(stored.get("kind").s()).isEqualTo("REPORT");
        assertThat(stored.get("locality").s()).startsWith(CaseText.Sealed.PREFIX);
        assertThat(item(unlocated.reference(), "REPORT")).containsKey("narrative").doesNotContainKey("locality");
    }

    private IdempotencyRecord record(Report report) {
        return new IdempotencyRecord(UUID.randomUUID().toString().replace("-", ""), "request", report.reference(),
                "sealed", clock.instant().plus(Duration.ofHours(24)));
    }

    private Map<String, AttributeValue> item(Reference reference, String sortKey) {
        return LocalCasesTable.item(dynamoDb, table, CasesTable.casePartition(reference), sortKey);
    }

    private List<String> sortKeys(Reference reference) {
        return dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
                                CasesTable.casePartition(reference)))))
                .items().stream().map(item -> item.get("sk").s()).toList();
    }
}
