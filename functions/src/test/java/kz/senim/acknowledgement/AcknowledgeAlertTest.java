package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.acknowledgement.AcknowledgeAlert.Outcome;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Cases;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.escalation.EscalateAlerts;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAlerts;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcknowledgeAlertTest {

    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");
    private static final Caller COMMISSION_RESPONDER = new Caller("aigerim", "kz-75-commission", Role.RESPONDER);
    private static final Caller SHELTER_RESPONDER = new Caller("dana", "ngo-shelter-almaty", Role.RESPONDER);
    private static final Caller NATIONAL_COORDINATOR =
            new Caller("marat", "national-secretariat", Role.NATIONAL_COORDINATOR);

    private final MutableClock clock = MutableClock.atNoon();
    private final Instant submittedAt = clock.instant();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);
    private final AcknowledgeAlert acknowledgeAlert = new AcknowledgeAlert(alerts, cases, new CaseAccess(FixedDirectory.seeded()), clock);
    private Alert commission;
    private Alert shelter;

    @BeforeEach
    void a_victims_report_in_almaty_alerted_the_commission_and_the_shelter() {
        cases.add(CaseFiles.receivedInAlmaty(REFERENCE.value(), submittedAt));
        commission = alerts.add(alert("kz-75-commission"));
        shelter = alerts.add(alert("ngo-shelter-almaty"));
        clock.advance(Duration.ofMinutes(3));
    }

    @Test
    void the_first_acknowledgement_takes_the_case_for_the_acknowledging_organisation() {
        Outcome outcome = acknowledgeAlert.byCaller(commission.alertId(), COMMISSION_RESPONDER);

        assertThat(outcome).isEqualTo(new Outcome.Acknowledged(commission.alertId(), REFERENCE, "kz-75-commission",
                clock.instant(), true));
        CaseFile file = caseFile();
        assertThat(file.status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(file.takenBy()).contains("kz-75-commission");
        assertThat(file.version()).isEqualTo(2);
        AlertState state = alerts.state(commission.alertId());
        assertThat(state.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(state.acknowledgedAt()).contains(clock.instant());
        assertThat(state.acknowledgedBy()).contains("kz-75-commission");
        assertThat(alerts.isInPendingIndex(commission.alertId())).isFalse();
        assertThat(alerts.isInPendingIndex(shelter.alertId())).isTrue();
    }

    @Test
    void the_acknowledgement_is_audited_with_who_and_which_alert() {
        acknowledgeAlert.byCaller(commission.alertId(), COMMISSION_RESPONDER);

        assertThat(audit.entries(REFERENCE)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("alert_acknowledged");
            assertThat(entry.actor()).isEqualTo(new Actor.Person("aigerim", "kz-75-commission", "responder"));
            assertThat(entry.at()).isEqualTo(clock.instant());
            assertThat(entry.details()).containsEntry("alertId", commission.alertId())
                    .containsEntry("chainId", commission.alertId()).containsEntry("tookCase", "true");
        });
    }

    @Test
    void acknowledging_again_is_harmless() {
        acknowledgeAlert.byCaller(commission.alertId(), COMMISSION_RESPONDER);
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(1));

        Outcome again = acknowledgeAlert.byCaller(commission.alertId(),
                new Caller("yerlan", "kz-75-commission", Role.COORDINATOR));

        assertThat(again).isEqualTo(new Outcome.AlreadyAcknowledged(commission.alertId(), REFERENCE,
                Optional.of("kz-75-commission"), Optional.of(first)));
        assertThat(caseFile().version()).isEqualTo(2);
        assertThat(audit.actions(REFERENCE)).containsExactly("alert_acknowledged");
        assertThat(alerts.state(commission.alertId()).acknowledgedAt()).contains(first);
    }

    @Test
    void a_later_acknowledgement_of_another_alert_leaves_the_case_with_the_first_organisation() {
        acknowledgeAlert.byCaller(commission.alertId(), COMMISSION_RESPONDER);

        Outcome outcome = acknowledgeAlert.byCaller(shelter.alertId(), SHELTER_RESPONDER);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Acknowledged.class,
                done -> assertThat(done.tookCase()).isFalse());
        assertThat(caseFile().takenBy()).contains("kz-75-commission");
        assertThat(caseFile().version()).isEqualTo(2);
        assertThat(alerts.state(shelter.alertId()).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(audit.entries(REFERENCE)).extracting(e -> e.details().get("tookCase"))
                .containsExactly("true", "false");
    }

    @Test
    void acknowledging_an_alert_of_a_case_already_being_worked_changes_only_the_alert() {
        CaseFile inProgress = ((CaseFile.Change.Changed) ((CaseFile.Change.Changed) caseFile()
                .acknowledgedBy("police-att-liaison", clock.instant())).file().startWork(clock.instant())).file();
        cases.add(inProgress);

        assertThat(acknowledgeAlert.byCaller(commission.alertId(), COMMISSION_RESPONDER))
                .isInstanceOf(Outcome.Acknowledged.class);
        assertThat(caseFile()).isEqualTo(inProgress);
    }

    @Test
    void acknowledging_a_page_acknowledges_its_chain_and_escalation_stops() {
        EscalateAlerts escalate = new EscalateAlerts(alerts, cases, FixedDirectory.seeded(), clock);
        clock.advance(Duration.ofMinutes(10));
        escalate.run();
        clock.advance(Duration.ofMinutes(20));
        escalate.run();
        String page = REFERENCE.value() + ".national-secretariat.e2";
        assertThat(pagesOf(commission)).containsExactly(REFERENCE.value() + ".kz-75-commission.e1", page);
        Caller secretariat = new Caller("gulnara", "national-secretariat", Role.RESPONDER);

        Outcome outcome = acknowledgeAlert.byCaller(page, secretariat);

        assertThat(outcome).isEqualTo(new Outcome.Acknowledged(page, REFERENCE, "national-secretariat",
                clock.instant(), true));
        assertThat(alerts.state(commission.alertId()).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(alerts.state(commission.alertId()).acknowledgedBy()).contains("national-secretariat");
        assertThat(alerts.state(page).status()).isEqualTo(AlertStatus.PAGE);
        assertThat(alerts.state(page).acknowledgedAt()).contains(clock.instant());
        assertThat(caseFile().takenBy()).contains("national-secretariat");
        assertThat(audit.entries(REFERENCE)).last().satisfies(entry -> assertThat(entry.details())
                .containsEntry("alertId", page).containsEntry("chainId", commission.alertId()));

        clock.advance(Duration.ofHours(2));
        escalate.run();
        assertThat(pagesOf(commission)).hasSize(2);
        assertThat(acknowledgeAlert.byCaller(commission.alertId(), COMMISSION_RESPONDER))
                .isInstanceOf(Outcome.AlreadyAcknowledged.class);
    }

    @Test
    void someone_of_another_organisation_is_told_there_is_no_such_alert() {
        Caller otherRegion = new Caller("asel", "kz-71-commission", Role.COORDINATOR);

        assertThat(acknowledgeAlert.byCaller(commission.alertId(), otherRegion)).isEqualTo(new Outcome.NotFound());
        assertThat(acknowledgeAlert.byCaller(commission.alertId(), SHELTER_RESPONDER))
                .isEqualTo(new Outcome.NotFound());
        assertThat(alerts.state(commission.alertId()).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(caseFile().version()).isEqualTo(1);
        assertThat(audit.entries(REFERENCE)).isEmpty();
    }

    @Test
    void a_national_role_outside_the_secretariat_acknowledges_only_its_own_organisations_alerts() {
        Caller misroled = new Caller("arman", "kz-75-commission", Role.NATIONAL_COORDINATOR);

        assertThat(acknowledgeAlert.byCaller(shelter.alertId(), misroled)).isEqualTo(new Outcome.NotFound());
        assertThat(alerts.state(shelter.alertId()).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(acknowledgeAlert.byCaller(commission.alertId(), misroled))
                .isInstanceOf(Outcome.Acknowledged.class);
    }

    @Test
    void an_unknown_or_malformed_alert_id_is_not_found_whoever_asks() {
        for (String id : new String[] {REFERENCE.value() + ".police-att-liaison", "SN-0000-0000-0000.kz-75-commission",
                REFERENCE.value() + ".kz-75-commission.e1", "not-an-alert", "", REFERENCE.value(),
                REFERENCE.value() + "/kz-75-commission", REFERENCE.value() + ".kz-75-commission.e0"}) {
            assertThat(acknowledgeAlert.byCaller(id, NATIONAL_COORDINATOR)).as(id).isEqualTo(new Outcome.NotFound());
        }
    }

    @Test
    void a_national_coordinator_may_acknowledge_any_alert_and_takes_the_case_for_the_secretariat() {
        Outcome outcome = acknowledgeAlert.byCaller(shelter.alertId(), NATIONAL_COORDINATOR);

        assertThat(outcome).isEqualTo(new Outcome.Acknowledged(shelter.alertId(), REFERENCE, "national-secretariat",
                clock.instant(), true));
        assertThat(caseFile().takenBy()).contains("national-secretariat");
        assertThat(audit.entries(REFERENCE).getFirst().actor())
                .isEqualTo(new Actor.Person("marat", "national-secretariat", "national_coordinator"));
    }

    @Test
    void a_case_changed_between_reading_and_writing_is_read_again_and_the_acknowledgement_kept() {
        AtomicInteger reads = new AtomicInteger();
        Cases changedBySomeoneElse = new DelegatingCases(cases) {
            @Override
            public Optional<CaseFile> find(Reference reference) {
                Optional<CaseFile> read = super.find(reference);
                if (reads.incrementAndGet() == 1) {
                    CaseFile assigned = ((CaseFile.Change.Changed) read.get().assign("person-9", clock.instant()))
                            .file();
                    cases.save(assigned, AuditEntry.of(REFERENCE, clock.instant(),
                            new Actor.Person("yerlan", "kz-75-commission", "coordinator"), "case_assigned"));
                }
                return read;
            }
        };

        Outcome outcome = new AcknowledgeAlert(alerts, changedBySomeoneElse, new CaseAccess(FixedDirectory.seeded()), clock)
                .byCaller(commission.alertId(), COMMISSION_RESPONDER);

        assertThat(outcome).isInstanceOf(Outcome.Acknowledged.class);
        assertThat(reads).hasValue(2);
        assertThat(caseFile().version()).isEqualTo(3);
        assertThat(caseFile().assignee()).contains("person-9");
        assertThat(caseFile().status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(audit.actions(REFERENCE)).containsExactly("case_assigned", "alert_acknowledged");
    }

    @Test
    void a_case_that_keeps_changing_leaves_everything_as_it_was() {
        Cases alwaysStale = new DelegatingCases(cases) {
            @Override
            public Optional<CaseFile> find(Reference reference) {
                Optional<CaseFile> read = super.find(reference);
                cases.add(read.get().involving("ngo-children", clock.instant()));
                return read;
            }
        };

        Outcome outcome = new AcknowledgeAlert(alerts, alwaysStale, new CaseAccess(FixedDirectory.seeded()), clock)
                .byCaller(commission.alertId(), COMMISSION_RESPONDER);

        assertThat(outcome).isEqualTo(new Outcome.KeptChanging());
        assertThat(alerts.state(commission.alertId()).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(audit.entries(REFERENCE)).isEmpty();
    }

    private java.util.List<String> pagesOf(Alert origin) {
        return alerts.pages().stream().map(Alert::alertId)
                .filter(id -> alerts.state(id).chainId().equals(origin.alertId())).toList();
    }

    private CaseFile caseFile() {
        return cases.find(REFERENCE).orElseThrow();
    }

    private Alert alert(String organisation) {
        return Alert.of(REFERENCE, organisation, new RegionCode("KZ-75"), Category.FORCED_LABOUR, Severity.MEDIUM,
                submittedAt);
    }

    /** Cases that pass everything on; tests override what they make go wrong. */
    private static class DelegatingCases implements Cases {
        private final Cases delegate;

        DelegatingCases(Cases delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<CaseFile> find(Reference reference) {
            return delegate.find(reference);
        }

        @Override
        public QueuePage queue(QueueQuery query) {
            return delegate.queue(query);
        }

        @Override
        public SaveOutcome save(CaseFile changed, AuditEntry entry) {
            return delegate.save(changed, entry);
        }
    }
}
