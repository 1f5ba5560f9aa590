package kz.senim.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.AlertStatus;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Category;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.directory.AlertCondition;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;
import kz.senim.escalation.EscalateAlerts.Outcome.Escalated;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAlerts;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commission's policy in the seed: after 10 minutes page itself, after 20 more the national secretariat, twice
 * over; due at +10, +30, +40 and +60 minutes.
 */
class EscalateAlertsTest {

    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");
    private static final String REF = REFERENCE.value();

    private final MutableClock clock = MutableClock.atNoon();
    private final Instant createdAt = clock.instant();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);
    private final EscalateAlerts escalate = new EscalateAlerts(alerts, cases, FixedDirectory.seeded(), clock);
    private Alert commission;

    @BeforeEach
    void the_commission_was_alerted_at_noon() {
        cases.add(CaseFiles.receivedInAlmaty(REF, createdAt));
        commission = alerts.add(alert("kz-75-commission", createdAt));
    }

    @Test
    void nothing_happens_before_the_first_step_is_due() {
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(escalate.run()).isEqualTo(new EscalateAlerts.Summary(1, 0, 0, 0));
        assertThat(escalate.escalate(alerts.pending().getFirst()))
                .isEqualTo(new EscalateAlerts.Outcome.NotDue(createdAt.plus(Duration.ofMinutes(10))));
        assertThat(alerts.pages()).isEmpty();
        assertThat(cases.find(REFERENCE).orElseThrow().version()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(escalate.run()).as("a second later").isEqualTo(new EscalateAlerts.Summary(1, 1, 0, 0));
        assertThat(alerts.pages()).hasSize(1);
    }

    @Test
    void each_step_pages_its_target_once_and_in_order_then_escalation_ends() {
        for (int minute = 1; minute <= 90; minute++) {
            clock.advance(Duration.ofMinutes(1));
            escalate.run();
            escalate.run();
        }

        assertThat(alerts.pages()).extracting(Alert::alertId).containsExactly(
                REF + ".kz-75-commission.e1", REF + ".national-secretariat.e2",
                REF + ".kz-75-commission.e3", REF + ".national-secretariat.e4");
        assertThat(alerts.pages()).extracting(Alert::createdAt).containsExactly(
                createdAt.plus(Duration.ofMinutes(10)), createdAt.plus(Duration.ofMinutes(30)),
                createdAt.plus(Duration.ofMinutes(40)), createdAt.plus(Duration.ofMinutes(60)));
        assertThat(alerts.escalationStep(commission.alertId())).isEqualTo(4);
        assertThat(alerts.isInPendingIndex(commission.alertId())).isFalse();
        assertThat(alerts.state(commission.alertId()).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(alerts.pending()).isEmpty();
    }

    @Test
    void a_page_is_an_alert_of_the_chain_for_the_target() {
        clock.advance(Duration.ofMinutes(30));
        escalate.run();
        clock.advance(Duration.ofMinutes(1));

        assertThat(escalate.run().escalated()).isEqualTo(1);

        Alert page = alerts.pages().get(1);
        assertThat(page).isEqualTo(new Alert(REF + ".national-secretariat.e2", REFERENCE, "national-secretariat",
                commission.region(), commission.category(), commission.severity(), clock.instant()));
        assertThat(alerts.state(page.alertId()).status()).isEqualTo(AlertStatus.PAGE);
        assertThat(alerts.state(page.alertId()).chainId()).isEqualTo(commission.alertId());
    }

    @Test
    void the_paged_organisation_joins_the_case_and_each_step_is_audited() {
        clock.advance(Duration.ofMinutes(10));
        escalate.run();
        clock.advance(Duration.ofMinutes(20));
        escalate.run();

        CaseFile file = cases.find(REFERENCE).orElseThrow();
        assertThat(file.involvedOrganisations()).contains("national-secretariat");
        assertThat(file.version()).isEqualTo(3);
        assertThat(audit.entries(REFERENCE)).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("alert_escalated");
            assertThat(entry.actor()).isEqualTo(new Actor.System("escalation"));
        });
        assertThat(audit.entries(REFERENCE).get(1).details()).isEqualTo(Map.of(
                "alertId", commission.alertId(), "step", "2", "target", "national-secretariat",
                "pageId", REF + ".national-secretariat.e2"));
    }

    @Test
    void an_alert_overdue_by_several_steps_moves_one_step_per_run() {
        clock.advance(Duration.ofHours(3));

        escalate.run();
        assertThat(alerts.pages()).hasSize(1);
        escalate.run();
        assertThat(alerts.pages()).hasSize(2);
    }

    @Test
    void escalation_stops_as_soon_as_the_chain_is_acknowledged() {
        clock.advance(Duration.ofMinutes(10));
        escalate.run();
        new AcknowledgeAlert(alerts, cases, new CaseAccess(FixedDirectory.seeded()), clock).byCaller(alerts.pages().getFirst().alertId(),
                new Caller("aigerim", "kz-75-commission", Role.RESPONDER));

        for (int minute = 0; minute < 120; minute++) {
            clock.advance(Duration.ofMinutes(1));
            escalate.run();
        }

        assertThat(alerts.pages()).hasSize(1);
        assertThat(alerts.pending()).isEmpty();
        assertThat(audit.actions(REFERENCE)).containsExactly("alert_escalated", "alert_acknowledged");
    }

    @Test
    void an_alert_listed_before_it_was_acknowledged_is_not_escalated() {
        PendingAlert listed = alerts.pending().getFirst();
        new AcknowledgeAlert(alerts, cases, new CaseAccess(FixedDirectory.seeded()), clock).byCaller(commission.alertId(),
                new Caller("aigerim", "kz-75-commission", Role.RESPONDER));
        clock.advance(Duration.ofMinutes(15));

        assertThat(escalate.escalate(listed)).isEqualTo(new EscalateAlerts.Outcome.Stopped("case_taken"));
        assertThat(alerts.pages()).isEmpty();
    }

    @Test
    void an_alert_of_an_organisation_without_a_policy_leaves_the_pending_alerts_at_once() {
        Organisation noPolicy = new Organisation("ngo-no-policy", kz.senim.directory.OrganisationType.NGO,
                Map.of(kz.senim.i18n.Language.EN, "An NGO without escalation"), Set.of(), Set.of(),
                AlertCondition.ALWAYS, Optional.empty(), Set.of(), Optional.empty(),
                kz.senim.i18n.Language.RU);
        List<Organisation> organisations = new ArrayList<>(DirectoryData.seed());
        organisations.add(noPolicy);
        Alert alert = alerts.add(alert("ngo-no-policy", createdAt));

        EscalateAlerts.Outcome outcome = new EscalateAlerts(alerts, cases, new FixedDirectory(organisations), clock)
                .escalate(new PendingAlert(alert, 0));

        assertThat(outcome).isEqualTo(new EscalateAlerts.Outcome.Stopped("no_policy"));
        assertThat(alerts.isInPendingIndex(alert.alertId())).isFalse();
        assertThat(alerts.isInPendingIndex(commission.alertId())).isTrue();
    }

    @Test
    void an_alert_past_the_end_of_its_policy_leaves_the_pending_alerts() {
        Alert shelter = alerts.add(alert("ngo-shelter-almaty", createdAt));
        clock.advance(Duration.ofMinutes(30));
        escalate.run();
        assertThat(alerts.escalationStep(shelter.alertId())).isEqualTo(1);
        assertThat(alerts.isInPendingIndex(shelter.alertId())).isFalse();

        assertThat(escalate.escalate(new PendingAlert(shelter, 1)))
                .isEqualTo(new EscalateAlerts.Outcome.Stopped("policy_exhausted"));
    }

    @Test
    void the_alerts_of_a_closed_case_are_not_escalated() {
        CaseFile file = cases.find(REFERENCE).orElseThrow();
        CaseFile acknowledged = ((CaseFile.Change.Changed) file.acknowledgedBy("police-att-liaison", createdAt)).file();
        cases.add(((CaseFile.Change.Changed) acknowledged.close(ClosingOutcome.DUPLICATE, false, createdAt)).file());
        clock.advance(Duration.ofMinutes(10));

        assertThat(escalate.escalate(alerts.pending().getFirst()))
                .isEqualTo(new EscalateAlerts.Outcome.Stopped("case_closed"));
        assertThat(alerts.pages()).isEmpty();
        assertThat(alerts.pending()).isEmpty();
    }

    @Test
    void once_any_organisation_has_taken_the_case_nobody_else_is_paged() {
        CaseFile file = cases.find(REFERENCE).orElseThrow();
        cases.add(((CaseFile.Change.Changed) file.acknowledgedBy("kz-75-commission", createdAt)).file());
        clock.advance(Duration.ofHours(1));

        assertThat(escalate.run()).isEqualTo(new EscalateAlerts.Summary(1, 0, 1, 0));

        assertThat(alerts.pages()).isEmpty();
        assertThat(alerts.pending()).isEmpty();
    }

    @Test
    void a_critical_alert_to_an_organisation_that_did_not_take_the_case_keeps_escalating_until_it_acknowledges() {
        Alert police = alerts.add(Alert.of(REFERENCE, "police-att-liaison", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.CRITICAL, createdAt));
        Alert criticalToTheTaker = alerts.add(Alert.of(REFERENCE, "ngo-foreign-nationals", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.CRITICAL, createdAt));
        CaseFile file = cases.find(REFERENCE).orElseThrow();
        cases.add(((CaseFile.Change.Changed) file.acknowledgedBy("ngo-foreign-nationals", createdAt)).file());
        clock.advance(Duration.ofMinutes(30));

        escalate.run();

        assertThat(alerts.pages()).extracting(Alert::alertId).containsExactly(REF + ".national-secretariat.e1");
        assertThat(alerts.state(alerts.pages().getFirst().alertId()).chainId()).isEqualTo(police.alertId());
        assertThat(alerts.isInPendingIndex(commission.alertId())).as("a medium alert falls silent").isFalse();
        assertThat(alerts.isInPendingIndex(criticalToTheTaker.alertId())).as("the taker's own alert").isFalse();
    }

    @Test
    void two_escalators_with_the_same_reading_take_the_step_once() {
        EscalateAlerts other = new EscalateAlerts(alerts, cases, FixedDirectory.seeded(), clock);
        PendingAlert read = alerts.pending().getFirst();
        clock.advance(Duration.ofMinutes(10));

        EscalateAlerts.Outcome first = escalate.escalate(read);
        EscalateAlerts.Outcome second = other.escalate(read);

        assertThat(first).isInstanceOf(Escalated.class);
        assertThat(second).isEqualTo(new EscalateAlerts.Outcome.AlreadyMoved());
        assertThat(alerts.pages()).hasSize(1);
        assertThat(audit.actions(REFERENCE)).containsExactly("alert_escalated");
    }

    @Test
    void escalators_racing_on_many_alerts_page_once_per_step() throws Exception {
        List<Alert> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Reference reference = new Reference(String.format("SN-7Q2K-9M4D-%04d", i));
            cases.add(CaseFiles.receivedInAlmaty(reference.value(), createdAt));
            many.add(alerts.add(Alert.of(reference, "kz-75-commission", new RegionCode("KZ-75"), Category.OTHER,
                    Severity.LOW, createdAt)));
        }
        clock.advance(Duration.ofMinutes(10));
        CyclicBarrier start = new CyclicBarrier(4);
        List<Callable<EscalateAlerts.Summary>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EscalateAlerts racer = new EscalateAlerts(alerts, cases, FixedDirectory.seeded(), clock);
            racers.add(() -> {
                start.await();
                return racer.run();
            });
        }

        int escalated = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (Future<EscalateAlerts.Summary> summary : threads.invokeAll(racers)) {
                escalated += summary.get().escalated();
            }
        }

        assertThat(escalated).isEqualTo(21);
        assertThat(alerts.pages()).hasSize(21);
        assertThat(alerts.pages().stream().map(Alert::alertId).collect(Collectors.toSet())).hasSize(21);
        many.forEach(alert -> assertThat(alerts.escalationStep(alert.alertId())).isEqualTo(1));
    }

    @Test
    void two_alerts_of_a_case_escalating_to_the_same_target_at_the_same_step_page_it_once() {
        Alert shelter = alerts.add(alert("ngo-shelter-almaty", createdAt));
        Alert foreign = alerts.add(alert("ngo-foreign-nationals", createdAt));
        cases.add(cases.find(REFERENCE).orElseThrow().involving("ngo-foreign-nationals", createdAt));
        clock.advance(Duration.ofMinutes(30));

        escalate.run();

        assertThat(alerts.pages()).extracting(Alert::alertId).containsExactlyInAnyOrder(
                REF + ".kz-75-commission.e1", REF + ".national-secretariat.e1");
        assertThat(alerts.escalationStep(shelter.alertId())).isEqualTo(1);
        assertThat(alerts.escalationStep(foreign.alertId())).isEqualTo(1);
        List<AuditEntry> toSecretariat = audit.entries(REFERENCE).stream()
                .filter(e -> "national-secretariat".equals(e.details().get("target"))).toList();
        assertThat(toSecretariat).hasSize(2);
        assertThat(toSecretariat).filteredOn(e -> e.details().containsKey("pageId")).hasSize(1);
    }

    private static Alert alert(String organisation, Instant at) {
        return Alert.of(REFERENCE, organisation, new RegionCode("KZ-75"), Category.FORCED_LABOUR, Severity.MEDIUM, at);
    }
}
