package kz.senim.overview.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import kz.senim.audit.FiguresRead;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.overview.Figures.UnacknowledgedAlert;
import kz.senim.testing.StoredCases;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The overview's figures counted from the queue and pending-alert indexes of DynamoDB Local; its audit line. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbFiguresIT {

    private static final RegionCode ALMATY = new RegionCode("KZ-75");
    private static final RegionCode ASTANA = new RegionCode("KZ-71");
    private final Instant morning = Instant.parse("2026-11-23T05:00:00Z");

    private DynamoDbClient dynamoDb;
    private String table;
    private StoredCases stored;
    private DynamoDbFigures figures;

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = TestTables.create(engine).cases();
        stored = new StoredCases(dynamoDb, table, java.time.Clock.systemUTC());
        figures = new DynamoDbFigures(dynamoDb, table);
    }

    @Test
    void open_cases_are_counted_per_region_and_closed_ones_are_not() {
        for (CaseStatus status : new CaseStatus[] {CaseStatus.RECEIVED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.IN_PROGRESS, CaseStatus.CLOSED, CaseStatus.CLOSED}) {
            stored.store(Submissions.victimInAlmaty(), status, Severity.MEDIUM, morning, "kz-75-commission");
        }
        stored.store(Submissions.witnessTip(ASTANA, Category.BEGGING), CaseStatus.RECEIVED, Severity.LOW, morning,
                "kz-71-commission");

        assertThat(figures.openCases(ALMATY)).isEqualTo(3);
        assertThat(figures.openCases(ASTANA)).isEqualTo(1);
        assertThat(figures.openCases(new RegionCode("KZ-79"))).isZero();
    }

    @Test
    void more_cases_than_one_page_of_the_index_are_all_counted() {
        String narrative = "x".repeat(3_900);
        var submission = Submissions.victimInAlmaty();
        var big = new kz.senim.cases.ReportSubmission(submission.reporterRole(), submission.category(),
                submission.region(), submission.locality(), false, false, false, false,
                kz.senim.cases.CaseText.plain(narrative),
                submission.language());
        for (int i = 0; i < 300; i++) {
            stored.store(big, CaseStatus.RECEIVED, Severity.MEDIUM, morning.plusSeconds(i));
        }

        assertThat(figures.openCases(ALMATY)).as("about 1.2 MB of items: more than one 1 MB page").isEqualTo(300);
    }

    @Test
    void unacknowledged_alerts_come_with_their_region_and_time_and_acknowledged_ones_do_not() {
        stored.store(Submissions.victimInAlmaty(), CaseStatus.RECEIVED, Severity.MEDIUM, morning,
                "kz-75-commission", "ngo-shelter-almaty");
        var acknowledged = stored.store(Submissions.witnessTip(ASTANA, Category.BEGGING), CaseStatus.RECEIVED,
                Severity.LOW, morning.plusSeconds(60), "kz-71-commission");
        dynamoDb.updateItem(r -> r.tableName(table).key(Map.of(
                        "pk", AttributeValue.fromS("CASE#" + acknowledged.reference().value()),
                        "sk", AttributeValue.fromS("ALERT#kz-71-commission")))
                .updateExpression("SET #status = :acknowledged REMOVE gsi2pk, gsi2sk")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":acknowledged", AttributeValue.fromS("acknowledged"))));

        assertThat(figures.unacknowledgedAlerts()).containsExactlyInAnyOrder(
                new UnacknowledgedAlert(ALMATY, morning), new UnacknowledgedAlert(ALMATY, morning));
    }

    @Test
    void a_read_of_figures_is_kept_in_the_audit_trail_of_its_day() {
        DynamoDbAuditTrail audit = new DynamoDbAuditTrail(dynamoDb, table);
        Actor.Person reader = new Actor.Person("person-gulnara", "national-secretariat", "national_coordinator");
        FiguresRead read = new FiguresRead(morning, reader, "overview_read", Map.of("regions", "21"));

        audit.record(read);
        audit.record(new FiguresRead(morning.plusSeconds(86_400), reader, "overview_read", Map.of()));

        assertThat(audit.figuresReads(LocalDate.ofInstant(morning, ZoneOffset.UTC))).containsExactly(read);
    }
}
