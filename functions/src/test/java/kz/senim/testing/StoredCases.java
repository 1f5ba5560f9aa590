package kz.senim.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.intake.IdempotencyRecord;
import kz.senim.intake.Report;
import kz.senim.intake.Reports;
import kz.senim.intake.dynamodb.DynamoDbReports;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Cases put in a fresh cases table the way intake puts them: report item, alert items, idempotency record. */
public final class StoredCases {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbReports reports;
    private final DynamoDbCases cases;

    /**
     * @param casesTable a cases table made with its case keys table ({@link LocalCasesTable#keysOf}), which the
     *                   report's texts are sealed with
     * @param clock      the test's clock, which the intake store judges idempotency records by
     */
    public StoredCases(DynamoDbClient dynamoDb, String casesTable, Clock clock) {
        this(dynamoDb, casesTable, LocalCasesTable.keysOf(casesTable), clock);
    }

    /** @param keysTable the case keys table the report's texts are sealed with */
    public StoredCases(DynamoDbClient dynamoDb, String casesTable, String keysTable, Clock clock) {
        this.reports = new DynamoDbReports(dynamoDb, casesTable, clock, TestContent.writes(dynamoDb, keysTable));
        this.cases = new DynamoDbCases(dynamoDb, casesTable, ContentWrites.none());
    }

    /** A case as intake stores it, alerted to {@code organisations}, read back as case work sees it. */
    public CaseFile store(ReportSubmission submission, CaseStatus status, Severity severity, Instant submittedAt,
            String... organisations) {
        Report report = new Report(Reference.random(RANDOM), submission, severity, status,
                "hmac-sha256$v1$aGFzaA", submittedAt, submittedAt);
        List<Alert> alerts = Arrays.stream(organisations)
                .map(o -> Alert.of(report.reference(), o, submission.region(), submission.category(), severity,
                        submittedAt))
                .toList();
        String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        Reports.SaveOutcome saved = reports.saveNew(report, alerts, new IdempotencyRecord(key, "request",
                report.reference(), "sealed", submittedAt.plusSeconds(86_400)));
        if (!(saved instanceof Reports.SaveOutcome.Saved)) {
            throw new IllegalStateException("case not stored: " + saved);
        }
        return cases.find(report.reference()).orElseThrow();
    }
}
