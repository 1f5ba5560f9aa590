package kz.senim.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.acknowledgement.AlertAddress;
import kz.senim.acknowledgement.AlertState;
import kz.senim.acknowledgement.AlertStatus;
import kz.senim.acknowledgement.Acknowledgements.Acknowledgement;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Reference;
import kz.senim.escalation.PendingAlerts.Escalation;
import kz.senim.escalation.PendingAlerts.EscalationOutcome;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.Racers;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PendingAlerts} store does, run against the in-memory fake
 * ({@code InMemoryPendingAlertsContractTest}) and the DynamoDB adapter on DynamoDB Local ({@code DynamoDbPendingAlertsContractIT}): the pending alerts are the
 * organisations' alerts nobody acknowledged, oldest first; a step is one write of the alert's step (only from the step
 * it was read at, and only while pending), the page (only if the target holds none of that step), the case (only over
 * its version) and the audit entry, or none of them; stopping leaves an alert that moved on alone.
 */
public abstract class PendingAlertsContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant STEP_AT = NOON.plusSeconds(600);
    private static final String COMMISSION = "kz-75-commission";
    private static final String SHELTER = "ngo-shelter-almaty";
    private static final String NATIONAL = "national-secretariat";

    /** The cases table the store under test keeps its items in; the store is {@code table().pendingAlerts()}. */
    protected abstract CasesTableFixture table();

    private PendingAlerts pendingAlerts() {
        return table().pendingAlerts();
    }

    // --- pending ----------------------------------------------------------------------------------------------------

    @Test
    void the_pending_alerts_are_the_organisations_alerts_nobody_acknowledged_oldest_first() {
        CaseFile file = aCase();
        Alert late = raise(file, COMMISSION, NOON.plusSeconds(60));
        Alert onTheSecond = raise(file, SHELTER, NOON);
        Alert withinIt = raise(file, "ngo-foreign-nationals", NOON.plusMillis(250));
        Alert sameTime = raise(file, "ngo-children", NOON.plusMillis(250));
        Alert acknowledged = raise(file, "police-att-liaison", NOON.minusSeconds(60));
        acknowledge(acknowledged);
        CaseFile other = aCase();
        Alert elsewhere = raise(other, COMMISSION, NOON.plusSeconds(1));
        assertThat(pendingAlerts().escalate(step(elsewhere, 0, NATIONAL, false)))
                .isEqualTo(new EscalationOutcome.Escalated());

        assertThat(pendingAlerts().pending()).extracting(p -> p.alert().alertId(), PendingAlert::escalationStep)
                .containsExactly(tuple(onTheSecond.alertId(), 0), tuple(sameTime.alertId(), 0),
                        tuple(withinIt.alertId(), 0), tuple(elsewhere.alertId(), 1), tuple(late.alertId(), 0));
    }

    @Test
    void a_pending_alert_comes_back_whole() {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON.plusNanos(123_456_789));

        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(alert, 0));
    }

    // --- escalate ---------------------------------------------------------------------------------------------------

    @Test
    void a_step_stores_the_alerts_step_the_page_the_case_and_the_audit_entry_together() {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON);
        Escalation step = step(alert, 0, COMMISSION, false);

        assertThat(pendingAlerts().escalate(step)).isEqualTo(new EscalationOutcome.Escalated());

        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(alert, 1));
        Alert page = step.page().orElseThrow();
        assertThat(table().acknowledgements().find(address(page))).contains(new AlertState(page, AlertStatus.PAGE,
                alert.alertId(), Optional.empty(), Optional.empty()));
        assertThat(state(alert).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(current(file)).isEqualTo(step.changedCase());
        assertThat(table().audit().entries(file.reference())).containsExactly(step.entry());
    }

    @Test
    void the_last_step_takes_the_alert_out_of_the_pending_alerts_and_leaves_it_pending() {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON);
        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(alert, 0));

        assertThat(pendingAlerts().escalate(step(alert, 0, NATIONAL, true)))
                .isEqualTo(new EscalationOutcome.Escalated());

        assertThat(pendingAlerts().pending()).isEmpty();
        assertThat(state(alert).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(table().audit().entries(file.reference())).hasSize(1);
    }

    @Test
    void a_step_from_a_step_taken_already_writes_nothing() {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON);
        Escalation first = step(alert, 0, COMMISSION, false);
        pendingAlerts().escalate(first);
        Escalation again = step(alert, 0, NATIONAL, false);

        assertThat(pendingAlerts().escalate(again)).isEqualTo(new EscalationOutcome.StepTaken());

        assertThat(table().acknowledgements().find(address(first.page().orElseThrow()))).isPresent();
        assertThat(table().acknowledgements().find(address(again.page().orElseThrow()))).isEmpty();
        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(alert, 1));
        assertThat(current(file)).isEqualTo(first.changedCase());
        assertThat(table().audit().entries(file.reference())).containsExactly(first.entry());
    }

    @Test
    void an_alert_acknowledged_meanwhile_or_never_raised_is_not_escalated() {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON);
        acknowledge(alert);
        Alert never = Alert.of(file.reference(), SHELTER, file.region(), file.submission().category(),
                file.severity(), NOON);
        CaseFile before = current(file);

        assertThat(pendingAlerts().escalate(step(alert, 0, NATIONAL, false)))
                .isEqualTo(new EscalationOutcome.StepTaken());
        assertThat(pendingAlerts().escalate(step(never, 0, NATIONAL, false)))
                .isEqualTo(new EscalationOutcome.StepTaken());

        assertThat(state(alert).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(table().acknowledgements().find(address(file.reference().value() + "." + NATIONAL + ".e1")))
                .isEmpty();
        assertThat(table().acknowledgements().find(address(never.alertId()))).isEmpty();
        assertThat(current(file)).isEqualTo(before);
        assertThat(table().audit().entries(file.reference())).extracting(AuditEntry::action)
                .containsExactly("alert_acknowledged");
    }

    @Test
    void a_target_holding_this_step_of_the_case_already_is_paged_once() {
        CaseFile file = aCase();
        Alert commission = raise(file, COMMISSION, NOON);
        Alert shelter = raise(file, SHELTER, NOON);
        Escalation first = step(commission, 0, NATIONAL, false);
        pendingAlerts().escalate(first);
        Escalation samePage = step(shelter, 0, NATIONAL, false);

        assertThat(pendingAlerts().escalate(samePage)).isEqualTo(new EscalationOutcome.PageTaken());
        assertThat(pendingAlerts().pending()).extracting(PendingAlert::escalationStep).containsExactly(1, 0);
        assertThat(current(file)).isEqualTo(first.changedCase());
        assertThat(table().audit().entries(file.reference())).containsExactly(first.entry());

        Escalation withoutPage = new Escalation(samePage.alert(), Optional.empty(), false, samePage.changedCase(),
                samePage.entry());
        assertThat(pendingAlerts().escalate(withoutPage)).isEqualTo(new EscalationOutcome.Escalated());
        assertThat(pendingAlerts().pending()).extracting(PendingAlert::escalationStep).containsExactly(1, 1);
        assertThat(table().acknowledgements().find(address(first.page().orElseThrow())).orElseThrow().chainId())
                .isEqualTo(commission.alertId());
    }

    @Test
    void over_a_case_changed_meanwhile_nothing_is_written() {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON);
        Escalation stale = step(alert, 0, NATIONAL, false);
        CaseFile touched = file.involving("ngo-children", NOON.plusSeconds(1));
        table().cases().save(touched, AuditEntry.of(file.reference(), NOON.plusSeconds(1),
                new Actor.System("test"), "case_touched"));

        assertThat(pendingAlerts().escalate(stale)).isEqualTo(new EscalationOutcome.CaseChanged());

        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(alert, 0));
        assertThat(table().acknowledgements().find(address(stale.page().orElseThrow()))).isEmpty();
        assertThat(current(file)).isEqualTo(touched);
        assertThat(table().audit().entries(file.reference())).extracting(AuditEntry::action)
                .containsExactly("case_touched");
    }

    @Test
    void of_escalators_racing_for_one_step_exactly_one_takes_it() throws Exception {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON);
        Escalation step = step(alert, 0, NATIONAL, false);

        List<EscalationOutcome> outcomes = Racers.race(5, () -> pendingAlerts().escalate(step));

        assertThat(outcomes).filteredOn(o -> o instanceof EscalationOutcome.Escalated).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof EscalationOutcome.Escalated)).hasSize(4)
                .allMatch(o -> o instanceof EscalationOutcome.StepTaken || o instanceof EscalationOutcome.PageTaken
                        || o instanceof EscalationOutcome.CaseChanged);
        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(alert, 1));
        assertThat(table().audit().entries(file.reference())).containsExactly(step.entry());
    }

    // --- stop -------------------------------------------------------------------------------------------------------

    @Test
    void stopping_takes_an_alert_out_of_the_pending_alerts_unless_it_moved_on() {
        CaseFile file = aCase();
        Alert alert = raise(file, COMMISSION, NOON);
        Alert other = raise(file, SHELTER, NOON);
        PendingAlert stale = new PendingAlert(alert, 0);
        pendingAlerts().escalate(step(alert, 0, COMMISSION, false));

        pendingAlerts().stop(stale);
        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(alert, 1), new PendingAlert(other, 0));

        pendingAlerts().stop(new PendingAlert(alert, 1));
        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(other, 0));
        assertThat(state(alert).status()).isEqualTo(AlertStatus.PENDING);
    }

    @Test
    void stopping_an_acknowledged_or_unknown_alert_changes_nothing() {
        CaseFile file = aCase();
        Alert acknowledged = raise(file, COMMISSION, NOON);
        Alert pending = raise(file, SHELTER, NOON);
        acknowledge(acknowledged);
        Alert never = Alert.of(file.reference(), NATIONAL, file.region(), file.submission().category(),
                file.severity(), NOON);

        pendingAlerts().stop(new PendingAlert(acknowledged, 0));
        pendingAlerts().stop(new PendingAlert(never, 0));

        assertThat(pendingAlerts().pending()).containsExactly(new PendingAlert(pending, 0));
        assertThat(state(acknowledged).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(table().acknowledgements().find(address(never.alertId()))).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A victim's case in Almaty, stored. */
    private CaseFile aCase() {
        CaseFile file = CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON.minusSeconds(60));
        table().store(file);
        return file;
    }

    private Alert raise(CaseFile file, String organisation, Instant at) {
        return table().raise(Alert.of(file.reference(), organisation, file.region(), file.submission().category(),
                file.severity(), at));
    }

    /** The step {@code EscalateAlerts} would take from {@code step}: page {@code target}, over the case as it is. */
    private Escalation step(Alert alert, int step, String target, boolean last) {
        CaseFile file = current(alert.reference());
        int next = step + 1;
        Alert page = new Alert(alert.reference().value() + "." + target + ".e" + next, alert.reference(), target,
                alert.region(), alert.category(), alert.severity(), STEP_AT);
        return new Escalation(new PendingAlert(alert, step), Optional.of(page), last,
                file.involving(target, STEP_AT), new AuditEntry(alert.reference(), STEP_AT,
                new Actor.System("escalation"), "alert_escalated", Map.of("alertId", alert.alertId(),
                "step", Integer.toString(next))));
    }

    /** Acknowledged as acknowledgement stores it, the case left as it is. */
    private void acknowledge(Alert alert) {
        table().acknowledgements().save(new Acknowledgement(state(alert), Optional.empty(), alert.organisationId(),
                NOON.plusSeconds(30), Optional.empty(), AuditEntry.of(alert.reference(), NOON.plusSeconds(30),
                new Actor.LinkHolder(alert.organisationId()), "alert_acknowledged"), Optional.empty()));
    }

    private AlertState state(Alert alert) {
        return table().acknowledgements().find(address(alert.alertId())).orElseThrow();
    }

    private CaseFile current(CaseFile file) {
        return current(file.reference());
    }

    /** The case as it is now, its texts opened (the adapter keeps them sealed). */
    private CaseFile current(Reference reference) {
        return table().cases().find(reference).orElseThrow()
                .withTexts(table().content().opening(reference)::open);
    }

    private static AlertAddress address(Alert alert) {
        return address(alert.alertId());
    }

    private static AlertAddress address(String alertId) {
        return AlertAddress.parse(alertId).orElseThrow();
    }
}
