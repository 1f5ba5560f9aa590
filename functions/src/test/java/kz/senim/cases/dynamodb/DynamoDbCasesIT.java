package kz.senim.cases.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Cases.SaveOutcome;
import kz.senim.cases.Category;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.StoredCases;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbCases} on DynamoDB Local: the region queue on QueueIndex, and changes over a version. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbCasesIT {

    private static final RegionCode ALMATY = new RegionCode("KZ-75");
    private static final RegionCode ASTANA = new RegionCode("KZ-71");
    private static final Actor.Person COORDINATOR = new Actor.Person("person-dana", "kz-75-commission", "coordinator");

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbCases cases;
    private DynamoDbAuditTrail audit;
    private StoredCases tables;
    private CaseContent content;
    private Instant clock = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        TestTables created = TestTables.create(engine);
        table = created.cases();
        content = TestContent.content(dynamoDb, created.caseKeys());
        cases = new DynamoDbCases(dynamoDb, table, new ContentWrites(content, created.caseKeys()));
        audit = new DynamoDbAuditTrail(dynamoDb, table);
        tables = new StoredCases(dynamoDb, table, created.caseKeys());
    }

    private CaseFile almaty(CaseStatus status, Severity severity, Category category) {
        clock = clock.plus(Duration.ofMinutes(7));
        return tables.store(Submissions.witnessTip(ALMATY, category), status, severity, clock, "kz-75-commission");
    }

    private CaseFile astana() {
        clock = clock.plus(Duration.ofMinutes(7));
        return tables.store(Submissions.witnessTip(ASTANA, Category.BEGGING), CaseStatus.RECEIVED, Severity.LOW,
                clock, "kz-71-commission");
    }

    private static QueueQuery query(RegionCode region, Optional<CaseStatus> status, Optional<Severity> severity,
            Optional<Category> category, int limit, Optional<String> cursor) {
        return new QueueQuery(region, status, severity, category, limit, cursor);
    }

    private List<Reference> allPages(QueueQuery first) {
        List<Reference> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            QueuePage page = cases.queue(query(first.region(), first.status(), first.severity(), first.category(),
                    first.limit(), cursor));
            assertThat(page.cases()).hasSizeLessThanOrEqualTo(first.limit());
            page.cases().forEach(file -> seen.add(file.reference()));
            cursor = page.nextCursor();
            assertThat(++pages).as("pages").isLessThan(50);
        } while (cursor.isPresent());
        return seen;
    }

    @Test
    void theQueueIsOneRegionOldestFirstAcrossPages() {
        List<Reference> almaty = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            almaty.add(almaty(CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR).reference());
            if (i % 3 == 0) {
                astana();
            }
        }

        List<Reference> seen = allPages(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 3,
                Optional.empty()));

        assertThat(seen).containsExactlyElementsOf(almaty);
    }

    @Test
    void aPageHoldsWholeCaseFilesAsStored() {
        CaseFile stored = almaty(CaseStatus.ACKNOWLEDGED, Severity.HIGH, Category.SEXUAL_EXPLOITATION);

        QueuePage page = cases.queue(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 25,
                Optional.empty()));

        assertThat(page.cases()).containsExactly(stored);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void filtersKeepTheOrderAndPagesStillReachEveryMatch() {
        List<Reference> highLabour = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean match = i % 4 == 1;
            CaseFile file = almaty(match ? CaseStatus.IN_PROGRESS : CaseStatus.RECEIVED,
                    match ? Severity.HIGH : Severity.LOW, match ? Category.FORCED_LABOUR : Category.BEGGING);
            if (match) {
                highLabour.add(file.reference());
            }
        }

        List<Reference> seen = allPages(query(ALMATY, Optional.of(CaseStatus.IN_PROGRESS), Optional.of(Severity.HIGH),
                Optional.of(Category.FORCED_LABOUR), 2, Optional.empty()));
        List<Reference> byCategory = allPages(query(ALMATY, Optional.empty(), Optional.empty(),
                Optional.of(Category.BEGGING), 4, Optional.empty()));

        assertThat(seen).containsExactlyElementsOf(highLabour);
        assertThat(byCategory).hasSize(9).doesNotContainAnyElementsOf(highLabour);
    }

    @Test
    void aCursorIsTakenBackOnlyForTheQueueItCameFrom() {
        for (int i = 0; i < 3; i++) {
            almaty(CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR);
        }
        String cursor = cases.queue(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 1,
                Optional.empty())).nextCursor().orElseThrow();

        assertThatThrownBy(() -> cases.queue(query(ASTANA, Optional.empty(), Optional.empty(), Optional.empty(), 1,
                Optional.of(cursor)))).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("cursor"));
        for (String garbage : List.of("not-base64!", "e30", cursor.substring(0, cursor.length() - 4), "x".repeat(2000))) {
            assertThatThrownBy(() -> cases.queue(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(),
                    1, Optional.of(garbage)))).as(garbage).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void aChangeIsStoredWithItsAuditEntryOnlyOverTheVersionItWasMadeFrom() {
        CaseFile file = almaty(CaseStatus.ACKNOWLEDGED, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile assigned = changed(file.assign("person-aigerim", clock.plusSeconds(1)));
        CaseFile working = changed(assigned.startWork(clock.plusSeconds(2)));

        assertThat(cases.save(assigned, entry(assigned, "case_assigned"))).isEqualTo(new SaveOutcome.Saved());
        assertThat(cases.save(working, entry(working, "case_work_started"))).isEqualTo(new SaveOutcome.Saved());
        CaseFile stale = changed(file.assign("person-saule", clock.plusSeconds(3)));
        assertThat(cases.save(stale, entry(file, "case_assigned"))).isEqualTo(new SaveOutcome.VersionConflict());

        assertThat(cases.find(file.reference())).contains(working);
        assertThat(audit.entries(file.reference())).extracting(AuditEntry::action)
                .containsExactly("case_assigned", "case_work_started");
    }

    @Test
    void closingAndReopeningRoundTripEveryWorkingField() {
        CaseFile file = almaty(CaseStatus.IN_PROGRESS, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile involving = file.involving("ngo-foreign-nationals", clock.plusSeconds(1));
        CaseFile assigned = changed(involving.assign("person-aigerim", clock.plusSeconds(2)));
        CaseFile closed = changed(assigned.close(ClosingOutcome.REFERRED_TO_POLICE_WITH_CONSENT, false,
                clock.plusSeconds(3)));
        String reason = "Новые сведения от сообщившего";
        CaseFile reopened = changed(closed.reopen(reason, clock.plusSeconds(4)));

        for (CaseFile step : List.of(involving, assigned, closed)) {
            assertThat(cases.save(step, entry(file, "step"))).isEqualTo(new SaveOutcome.Saved());
            assertThat(cases.find(file.reference())).contains(step);
        }
        assertThat(reportItem(file.reference()).get("outcome").s()).isEqualTo("referred_to_police_with_consent");
        assertThat(cases.save(reopened, entry(file, "case_reopened"))).isEqualTo(new SaveOutcome.Saved());

        CaseFile found = cases.find(file.reference()).orElseThrow();
        assertThat(found.statusReason()).containsInstanceOf(CaseText.Sealed.class);
        assertThat(reportItem(file.reference()).toString()).doesNotContain(reason);
        found = found.withTexts(content.opening(file.reference())::open);
        assertThat(found).isEqualTo(reopened.withTexts(content.opening(file.reference())::open));
        assertThat(found.version()).isEqualTo(5);
        assertThat(found.outcome()).isEmpty();
        assertThat(found.assignee()).contains("person-aigerim");
        assertThat(found.statusReason()).contains(CaseText.plain(reason));
        assertThat(found.submission().narrative())
                .isEqualTo(Submissions.witnessTip(ALMATY, Category.FORCED_LABOUR).narrative());
        assertThat(found.involvedOrganisations()).containsExactlyInAnyOrder("kz-75-commission",
                "ngo-foreign-nationals");
        assertThat(reportItem(file.reference())).doesNotContainKey("outcome");
    }

    @Test
    void ofTwoWritersOverTheSameVersionOneWinsTheOtherGetsAConflictAndNothingIsLost() throws Exception {
        for (int round = 0; round < 8; round++) {
            CaseFile file = almaty(CaseStatus.ACKNOWLEDGED, Severity.MEDIUM, Category.FORCED_LABOUR);
            CaseFile byAigerim = changed(file.assign("person-aigerim", clock.plusSeconds(1)));
            CaseFile byStart = changed(file.startWork(clock.plusSeconds(1)));
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<SaveOutcome> first = () -> {
                together.await();
                return cases.save(byAigerim, entry(file, "case_assigned"));
            };
            Callable<SaveOutcome> second = () -> {
                together.await();
                return cases.save(byStart, entry(file, "case_work_started"));
            };
            List<SaveOutcome> outcomes = new ArrayList<>();
            try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
                for (Future<SaveOutcome> outcome : writers.invokeAll(List.of(first, second))) {
                    outcomes.add(outcome.get());
                }
            }

            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(new SaveOutcome.Saved(),
                    new SaveOutcome.VersionConflict());
            CaseFile winner = outcomes.get(0) instanceof SaveOutcome.Saved ? byAigerim : byStart;
            assertThat(cases.find(file.reference())).contains(winner);
            List<AuditEntry> entries = audit.entries(file.reference());
            assertThat(entries).hasSize(1);
            assertThat(entries.getFirst().action())
                    .isEqualTo(winner == byAigerim ? "case_assigned" : "case_work_started");

            CaseFile loserRetried = changed(winner == byAigerim ? winner.startWork(clock.plusSeconds(2))
                    : winner.assign("person-aigerim", clock.plusSeconds(2)));
            assertThat(cases.save(loserRetried, entry(file, "retried"))).isEqualTo(new SaveOutcome.Saved());
            CaseFile last = cases.find(file.reference()).orElseThrow();
            assertThat(last.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(last.assignee()).contains("person-aigerim");
            assertThat(last.version()).isEqualTo(3);
        }
    }

    @Test
    void theAlertsOfACaseAreReadFromItsPartition() {
        CaseFile file = tables.store(Submissions.victimInAlmaty(), CaseStatus.RECEIVED, Severity.MEDIUM,
                clock, "kz-75-commission", "ngo-shelter-almaty");
        dynamoDb.updateItem(r -> r.tableName(table)
                .key(Map.of(CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(file.reference())),
                        CasesTable.SK, AttributeValue.fromS("ALERT#kz-75-commission")))
                .updateExpression("SET #status = :ack, acknowledgedAt = :at REMOVE gsi2pk, gsi2sk")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":ack", AttributeValue.fromS("acknowledged"),
                        ":at", AttributeValue.fromS("2026-11-20T08:03:00Z"))));

        List<AlertLine> alerts = new DynamoDbCaseAlerts(dynamoDb, table).of(file.reference());

        assertThat(alerts).extracting(AlertLine::organisationId)
                .containsExactlyInAnyOrder("kz-75-commission", "ngo-shelter-almaty");
        assertThat(alerts).filteredOn(a -> a.organisationId().equals("kz-75-commission")).singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo("acknowledged");
                    assertThat(a.acknowledgedAt()).contains(Instant.parse("2026-11-20T08:03:00Z"));
                    assertThat(a.alertId()).isEqualTo(file.reference().value() + ".kz-75-commission");
                });
        assertThat(alerts).filteredOn(a -> a.organisationId().equals("ngo-shelter-almaty")).singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo("pending");
                    assertThat(a.acknowledgedAt()).isEmpty();
                });
    }

    private static CaseFile changed(CaseFile.Change change) {
        assertThat(change).isInstanceOf(CaseFile.Change.Changed.class);
        return ((CaseFile.Change.Changed) change).file();
    }

    /** The audit line of a change happens when the change does: entries of one case are ordered by time. */
    private AuditEntry entry(CaseFile file, String action) {
        return new AuditEntry(file.reference(), file.updatedAt().truncatedTo(ChronoUnit.MILLIS), COORDINATOR, action,
                Map.of());
    }

    private Map<String, AttributeValue> reportItem(Reference reference) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(reference)),
                CasesTable.SK, AttributeValue.fromS("REPORT")))).item();
    }
}
