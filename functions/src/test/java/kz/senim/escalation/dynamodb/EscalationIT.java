package kz.senim.escalation.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.AcknowledgementLinks;
import kz.senim.acknowledgement.dynamodb.DynamoDbAcknowledgements;
import kz.senim.alerting.AlertComposer;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.AlertWording;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.dynamodb.DynamoDbAlertClaims;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.escalation.EscalateAlerts;
import kz.senim.escalation.PendingAlert;
import kz.senim.escalation.PendingAlerts;
import kz.senim.intake.SubmissionOutcome;
import kz.senim.intake.SubmitReport;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryIssuedLinks;
import kz.senim.testing.LocalCasesTable;
import kz.senim.testing.MutableClock;
import kz.senim.testing.RecordingAlertPublisher;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Escalation on DynamoDB Local over alerts stored by intake: the items a step leaves, racing escalators, and pages the
 * dispatcher publishes like any alert. What the store itself promises is {@code PendingAlertsContract}.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(180)
class EscalationIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = MutableClock.atNoon();
    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbPendingAlerts pendingAlerts;
    private DynamoDbCases cases;
    private EscalateAlerts escalate;
    private SubmitReport submitReport;
    private Reference reference;
    private String commission;

    @BeforeEach
    void a_victims_report_in_almaty_alerted_the_commission_and_the_shelter(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
        pendingAlerts = new DynamoDbPendingAlerts(dynamoDb, table);
        cases = new DynamoDbCases(dynamoDb, table, ContentWrites.none());
        escalate = escalator();
        submitReport = LocalCasesTable.intake(dynamoDb, table, RANDOM, clock);
        reference = submit();
        commission = reference.value() + ".kz-75-commission";
    }

    @Test
    void a_pending_item_that_does_not_parse_is_skipped_with_its_id_and_every_other_alert_still_escalates() {
        String broken = reference.value() + ".ngo-children";
        Map<String, AttributeValue> corrupt = new java.util.HashMap<>(item(CasesTable.casePartition(reference),
                "ALERT#kz-75-commission"));
        corrupt.put(CasesTable.SK, AttributeValue.fromS("ALERT#ngo-children"));
        corrupt.put("alertId", AttributeValue.fromS(broken));
        corrupt.put("chainId", AttributeValue.fromS(broken));
        corrupt.put("organisationId", AttributeValue.fromS("ngo-children"));
        corrupt.put("severity", AttributeValue.fromS("apocalyptic"));
        corrupt.put(AlertItems.PENDING_SK, AttributeValue.fromS(clock.instant() + "#" + broken));
        dynamoDb.putItem(r -> r.tableName(table).item(corrupt));
        clock.advance(Duration.ofMinutes(30));

        EscalateAlerts.Summary summary = escalate.run();

        assertThat(summary.failures()).containsExactly(new EscalateAlerts.Failure(broken,
                "java.util.NoSuchElementException"));
        assertThat(summary.escalated()).as("the commission's and the shelter's alerts").isEqualTo(2);
        assertThat(item(CasesTable.casePartition(reference), "ALERT#kz-75-commission#E1")).containsEntry("status",
                AttributeValue.fromS("page"));
        assertThat(pendingAlerts.listing().unreadable()).extracting(PendingAlerts.Unreadable::alertId)
                .containsExactly(broken);
    }

    @Test
    void a_step_stores_the_page_the_case_change_and_the_audit_entry_together() {
        clock.advance(Duration.ofMinutes(10));

        assertThat(escalate.run()).isEqualTo(new EscalateAlerts.Summary(2, 1, 0, 0));

        Map<String, AttributeValue> origin = item(CasesTable.casePartition(reference), "ALERT#kz-75-commission");
        assertThat(origin.get("escalationStep").n()).isEqualTo("1");
        assertThat(origin.get("status").s()).isEqualTo("pending");
        assertThat(origin).containsKey(AlertItems.PENDING_PK);
        Map<String, AttributeValue> page = item(CasesTable.casePartition(reference), "ALERT#kz-75-commission#E1");
        assertThat(page.get("kind").s()).isEqualTo("ALERT");
        assertThat(page.get("status").s()).isEqualTo("page");
        assertThat(page.get("chainId").s()).isEqualTo(commission);
        assertThat(page).doesNotContainKeys(AlertItems.PENDING_PK, AlertItems.PENDING_SK);
        Alert asDispatched = AlertItems.fromItem(page);
        assertThat(asDispatched.alertId()).isEqualTo(commission + ".e1");
        assertThat(asDispatched.createdAt()).isEqualTo(clock.instant());
        assertThat(AlertItems.key(asDispatched).get("sk").s()).isEqualTo("ALERT#kz-75-commission#E1");
        Map<String, AttributeValue> report = item(CasesTable.casePartition(reference), "REPORT");
        assertThat(report.get("version").n()).isEqualTo("2");
        assertThat(audit()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("alert_escalated");
            assertThat(entry.actor()).isEqualTo(new Actor.System("escalation"));
            assertThat(entry.details()).containsEntry("step", "1").containsEntry("target", "kz-75-commission");
        });
    }

    @Test
    void the_dispatcher_publishes_a_page_like_any_alert_with_its_own_link() {
        clock.advance(Duration.ofMinutes(30));
        escalate.run();
        Alert page = AlertItems.fromItem(item(CasesTable.casePartition(reference), "ALERT#national-secretariat#E1"));
        RecordingAlertPublisher publisher = new RecordingAlertPublisher();
        AcknowledgementLinks links = new AcknowledgementLinks(new InMemoryIssuedLinks(), clock, RANDOM,
                AcknowledgementLinks.VALIDITY);
        AlertComposer composer = new AlertComposer(FixedDirectory.seeded(),
                new AlertWording(RegionCatalogue.load(), Optional.empty()));
        DispatchAlerts dispatch = new DispatchAlerts(new DynamoDbAlertClaims(dynamoDb, table), publisher, clock,
                links.urlsUnder("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/dev",
                        composer::languageOf), composer);

        assertThat(dispatch.dispatch(page)).isInstanceOf(DispatchAlerts.Outcome.Published.class);
        assertThat(dispatch.dispatch(page)).isInstanceOf(DispatchAlerts.Outcome.AlreadyPublished.class);

        AlertMessage message = publisher.published().getFirst();
        assertThat(message.topicSuffix()).isEqualTo("national-secretariat");
        String url = message.acknowledgeUrl().orElseThrow();
        assertThat(links.resolve(url.substring(url.lastIndexOf('/') + 1)).orElseThrow().alertId())
                .isEqualTo(page.alertId());
        assertThat(message.texts().emailBody()).as("in the national secretariat's language, Kazakh")
                .contains("Шұғылдығы: ", reference.value(), url);
        assertThat(item(CasesTable.casePartition(reference), "ALERT#national-secretariat#E1"))
                .containsKey("publishedAt");
    }

    @Test
    void escalators_racing_take_every_step_exactly_once_in_order() throws Exception {
        for (int minute = 1; minute <= 65; minute++) {
            clock.advance(Duration.ofMinutes(1));
            if (minute % 5 == 0) {
                race(3);
            }
        }

        List<String> pages = dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :alert)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
                                CasesTable.casePartition(reference)), ":alert", AttributeValue.fromS("ALERT#"))))
                .items().stream().filter(i -> "page".equals(i.get("status").s()))
                .filter(i -> commission.equals(i.get("chainId").s()))
                .sorted((a, b) -> a.get("createdAt").s().compareTo(b.get("createdAt").s()))
                .map(i -> i.get("alertId").s()).toList();
        assertThat(pages).containsExactly(commission + ".e1", reference.value() + ".national-secretariat.e2",
                commission + ".e3", reference.value() + ".national-secretariat.e4");
        assertThat(audit()).filteredOn(e -> commission.equals(e.details().get("alertId"))).hasSize(4);
        assertThat(item(CasesTable.casePartition(reference), "ALERT#kz-75-commission"))
                .doesNotContainKey(AlertItems.PENDING_PK)
                .satisfies(origin -> assertThat(origin.get("escalationStep").n()).isEqualTo("4"));
        assertThat(pendingAlerts.pending()).isEmpty();
    }

    @Test
    void an_acknowledged_alert_is_neither_pending_nor_escalated() {
        PendingAlert listed = pendingAlerts.pending().getFirst();
        new AcknowledgeAlert(new DynamoDbAcknowledgements(dynamoDb, table), cases, new CaseAccess(FixedDirectory.seeded()), clock)
                .byCaller(commission, new Caller("aigerim", "kz-75-commission", Role.RESPONDER));
        clock.advance(Duration.ofMinutes(10));

        assertThat(pendingAlerts.pending()).extracting(p -> p.alert().alertId()).doesNotContain(commission);
        assertThat(escalate.escalate(listed)).isEqualTo(new EscalateAlerts.Outcome.Stopped("case_taken"));
        assertThat(item(CasesTable.casePartition(reference), "ALERT#kz-75-commission#E1")).isEmpty();
    }

    @Test
    void two_alerts_of_a_case_paging_the_same_target_at_the_same_step_page_it_once() {
        Reference foreign = ((SubmissionOutcome.Accepted) submitReport.submit(
                new IdempotencyKey(java.util.UUID.randomUUID().toString()),
                Submissions.with(Submissions.victimInAlmaty(), false, false, false, true))).reference();
        clock.advance(Duration.ofMinutes(30));

        escalate.run();

        Map<String, AttributeValue> page = item(CasesTable.casePartition(foreign), "ALERT#national-secretariat#E1");
        assertThat(page).isNotEmpty();
        for (String organisation : List.of("ngo-shelter-almaty", "ngo-foreign-nationals")) {
            Map<String, AttributeValue> origin = item(CasesTable.casePartition(foreign), "ALERT#" + organisation);
            assertThat(origin.get("escalationStep").n()).as(organisation).isEqualTo("1");
            assertThat(origin).as(organisation).doesNotContainKey(AlertItems.PENDING_PK);
        }
    }

    private void race(int escalators) throws Exception {
        CyclicBarrier start = new CyclicBarrier(escalators);
        List<Callable<EscalateAlerts.Summary>> racers = new ArrayList<>();
        for (int i = 0; i < escalators; i++) {
            EscalateAlerts racer = escalator();
            racers.add(() -> {
                start.await();
                return racer.run();
            });
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(escalators)) {
            for (Future<EscalateAlerts.Summary> summary : threads.invokeAll(racers, 60, TimeUnit.SECONDS)) {
                assertThat(summary.get().failed()).isZero();
            }
        }
    }

    private EscalateAlerts escalator() {
        return new EscalateAlerts(new DynamoDbPendingAlerts(dynamoDb, table), new DynamoDbCases(dynamoDb, table, ContentWrites.none()),
                FixedDirectory.seeded(), clock);
    }

    private Reference submit() {
        return LocalCasesTable.submitVictimInAlmaty(submitReport);
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return LocalCasesTable.item(dynamoDb, table, pk, sk);
    }

    private List<AuditEntry> audit() {
        return LocalCasesTable.audit(dynamoDb, table, reference);
    }
}
