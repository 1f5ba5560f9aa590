package kz.senim.acknowledgement.dynamodb;

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
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.acknowledgement.AcknowledgeAlert.Outcome;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.AcknowledgementLinks;
import kz.senim.acknowledgement.FollowAcknowledgementLink;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseAlerts.Acknowledger;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.DynamoDbCaseAlerts;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.escalation.EscalateAlerts;
import kz.senim.i18n.Language;
import kz.senim.escalation.dynamodb.DynamoDbPendingAlerts;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.LocalCasesTable;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Acknowledgement on DynamoDB Local, over a report stored by intake: the use cases over the real store (the items the
 * transaction leaves, races, a case changed meanwhile, one-time links, pages). What the store itself promises is
 * {@code AcknowledgementsContract}.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class AcknowledgementIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Caller RESPONDER = new Caller("aigerim", "kz-75-commission", Role.RESPONDER);

    private final MutableClock clock = MutableClock.atNoon();
    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbAcknowledgements acknowledgements;
    private DynamoDbCases cases;
    private AcknowledgeAlert acknowledgeAlert;
    private AcknowledgementLinks links;
    private Reference reference;
    private String commission;

    @BeforeEach
    void a_victims_report_in_almaty_was_stored(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
        acknowledgements = new DynamoDbAcknowledgements(dynamoDb, table);
        cases = new DynamoDbCases(dynamoDb, table, ContentWrites.none());
        acknowledgeAlert = new AcknowledgeAlert(acknowledgements, cases, new CaseAccess(FixedDirectory.seeded()), clock);
        links = new AcknowledgementLinks(new DynamoDbIssuedLinks(dynamoDb, table), clock, RANDOM,
                AcknowledgementLinks.VALIDITY);
        reference = LocalCasesTable.submitVictimInAlmaty(LocalCasesTable.intake(dynamoDb, table, RANDOM, clock));
        commission = reference.value() + ".kz-75-commission";
        clock.advance(Duration.ofMinutes(3));
    }

    @Test
    void the_alert_the_case_and_the_audit_entry_are_stored_together() {
        Outcome outcome = acknowledgeAlert.byCaller(commission, RESPONDER);

        assertThat(outcome).isEqualTo(new Outcome.Acknowledged(commission, reference, "kz-75-commission",
                clock.instant(), true));
        Map<String, AttributeValue> alert = item(CasesTable.casePartition(reference), "ALERT#kz-75-commission");
        assertThat(alert.get("status").s()).isEqualTo("acknowledged");
        assertThat(alert.get("acknowledgedAt").s()).isEqualTo(clock.instant().toString());
        assertThat(alert.get("acknowledgedBy").s()).isEqualTo("kz-75-commission");
        assertThat(alert).doesNotContainKeys(AlertItems.PENDING_PK, AlertItems.PENDING_SK);
        assertThat(item(CasesTable.casePartition(reference), "ALERT#ngo-shelter-almaty"))
                .containsKey(AlertItems.PENDING_PK);
        Map<String, AttributeValue> report = item(CasesTable.casePartition(reference), "REPORT");
        assertThat(report.get("status").s()).isEqualTo("acknowledged");
        assertThat(report.get("takenBy").s()).isEqualTo("kz-75-commission");
        assertThat(report.get("version").n()).isEqualTo("2");
        assertThat(audit()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("alert_acknowledged");
            assertThat(entry.actor()).isEqualTo(RESPONDER.actor());
        });
        assertThat(new DynamoDbPendingAlerts(dynamoDb, table).pending()).extracting(p -> p.alert().alertId())
                .containsExactly(reference.value() + ".ngo-shelter-almaty");
    }

    @Test
    void the_case_view_says_who_acknowledged_a_person_by_id_and_a_link_holder_by_organisation() {
        acknowledgeAlert.byCaller(commission, RESPONDER);
        acknowledgeAlert.byLink(links.resolve(links.issue(reference.value() + ".ngo-shelter-almaty", Language.RU))
                .orElseThrow());

        List<AlertLine> lines = new DynamoDbCaseAlerts(dynamoDb, table).of(reference);

        assertThat(lines).filteredOn(l -> l.organisationId().equals("kz-75-commission")).singleElement()
                .satisfies(line -> assertThat(line.acknowledgedBy()).contains(
                        new Acknowledger("person", Optional.of("aigerim"), "kz-75-commission")));
        assertThat(lines).filteredOn(l -> l.organisationId().equals("ngo-shelter-almaty")).singleElement()
                .satisfies(line -> assertThat(line.acknowledgedBy()).contains(
                        new Acknowledger("link", Optional.empty(), "ngo-shelter-almaty")));
        Map<String, AttributeValue> alert = item(CasesTable.casePartition(reference), "ALERT#kz-75-commission");
        assertThat(alert.get(AlertItems.ACKNOWLEDGED_BY_TYPE).s()).isEqualTo("person");
        assertThat(alert.get(AlertItems.ACKNOWLEDGED_BY_PERSON).s()).isEqualTo("aigerim");
    }

    @Test
    void of_many_acknowledging_at_once_exactly_one_acknowledges() throws Exception {
        CyclicBarrier start = new CyclicBarrier(6);
        List<Callable<Outcome>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Caller caller = i % 2 == 0 ? RESPONDER
                    : new Caller("marat-" + i, "national-secretariat", Role.NATIONAL_COORDINATOR);
            racers.add(() -> {
                start.await();
                return acknowledgeAlert.byCaller(commission, caller);
            });
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            for (Future<Outcome> outcome : threads.invokeAll(racers, 60, TimeUnit.SECONDS)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Acknowledged).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Outcome.AlreadyAcknowledged).hasSize(5);
        assertThat(item(CasesTable.casePartition(reference), "REPORT").get("version").n()).isEqualTo("2");
        assertThat(audit()).hasSize(1);
    }

    @Test
    void a_case_changed_between_reading_and_writing_is_read_again() {
        AtomicInteger reads = new AtomicInteger();
        Cases changedMeanwhile = new Cases() {
            @Override
            public Optional<CaseFile> find(Reference wanted) {
                Optional<CaseFile> read = cases.find(wanted);
                if (reads.incrementAndGet() == 1) {
                    cases.save(read.get().involving("ngo-children", clock.instant()),
                            AuditEntry.of(wanted, clock.instant(), new Actor.System("test"), "case_touched"));
                }
                return read;
            }

            @Override
            public QueuePage queue(QueueQuery query) {
                return cases.queue(query);
            }

            @Override
            public SaveOutcome save(CaseFile changed, AuditEntry entry) {
                return cases.save(changed, entry);
            }
        };

        Outcome outcome = new AcknowledgeAlert(acknowledgements, changedMeanwhile, new CaseAccess(FixedDirectory.seeded()), clock)
                .byCaller(commission, RESPONDER);

        assertThat(outcome).isInstanceOf(Outcome.Acknowledged.class);
        assertThat(reads).hasValue(2);
        Map<String, AttributeValue> report = item(CasesTable.casePartition(reference), "REPORT");
        assertThat(report.get("version").n()).isEqualTo("3");
        assertThat(report.get("involvedOrganisations").ss()).contains("ngo-children");
        assertThat(report.get("status").s()).isEqualTo("acknowledged");
        assertThat(audit()).extracting(AuditEntry::action).containsExactlyInAnyOrder("case_touched",
                "alert_acknowledged");
    }

    @Test
    void a_link_is_spent_in_the_acknowledgement_and_works_once() {
        FollowAcknowledgementLink follow = new FollowAcknowledgementLink(links, acknowledgements, acknowledgeAlert);
        String token = links.issue(commission, Language.RU);
        AcknowledgementLinks.Link link = links.resolve(token).orElseThrow();

        assertThat(follow.preview(token)).isInstanceOf(FollowAcknowledgementLink.Preview.Ready.class);
        assertThat(item("ACKLINK#" + link.linkId(), "LINK")).isNotEmpty();
        assertThat(item("ACKLINK#" + link.linkId(), "USED")).isEmpty();
        assertThat(follow.acknowledge(token).outcome()).isInstanceOf(Outcome.Acknowledged.class);
        assertThat(follow.acknowledge(token).outcome()).isEqualTo(new Outcome.LinkUsed());
        assertThat(follow.preview(token))
                .isEqualTo(new FollowAcknowledgementLink.Preview.LinkUsed(Optional.of(Language.RU)));

        Map<String, AttributeValue> used = item("ACKLINK#" + link.linkId(), "USED");
        assertThat(used.get("expiresAt").n()).isEqualTo(Long.toString(link.expiresAt().getEpochSecond()));
        assertThat(used.get("alertId").s()).isEqualTo(commission);
        assertThat(audit()).singleElement().satisfies(entry -> assertThat(entry.actor())
                .isEqualTo(new Actor.LinkHolder("kz-75-commission")));
    }

    @Test
    void acknowledging_a_page_acknowledges_its_chain() {
        clock.advance(Duration.ofMinutes(10));
        new EscalateAlerts(new DynamoDbPendingAlerts(dynamoDb, table), cases, FixedDirectory.seeded(), clock).run();
        String page = reference.value() + ".kz-75-commission.e1";
        clock.advance(Duration.ofMinutes(1));

        Outcome outcome = acknowledgeAlert.byCaller(page, RESPONDER);

        assertThat(outcome).isInstanceOf(Outcome.Acknowledged.class);
        assertThat(item(CasesTable.casePartition(reference), "ALERT#kz-75-commission").get("status").s())
                .isEqualTo("acknowledged");
        Map<String, AttributeValue> pageItem = item(CasesTable.casePartition(reference), "ALERT#kz-75-commission#E1");
        assertThat(pageItem.get("status").s()).isEqualTo("page");
        assertThat(pageItem.get("acknowledgedAt").s()).isEqualTo(clock.instant().toString());
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("alert_escalated", "alert_acknowledged");
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return LocalCasesTable.item(dynamoDb, table, pk, sk);
    }

    private List<AuditEntry> audit() {
        return LocalCasesTable.audit(dynamoDb, table, reference);
    }
}
