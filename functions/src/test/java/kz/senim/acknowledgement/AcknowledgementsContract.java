package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.acknowledgement.Acknowledgements.Acknowledgement;
import kz.senim.acknowledgement.Acknowledgements.LinkUse;
import kz.senim.acknowledgement.Acknowledgements.SaveOutcome;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.escalation.PendingAlert;
import kz.senim.escalation.PendingAlerts.Escalation;
import kz.senim.escalation.PendingAlerts.EscalationOutcome;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.Racers;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Acknowledgements} store does, run against the in-memory fake
 * ({@code InMemoryAcknowledgementsContractTest}) and the DynamoDB adapter on DynamoDB Local
 * ({@code DynamoDbAcknowledgementsContractIT}): an acknowledgement is one write of the alert (only while pending), the
 * page, the case (only over its version), the audit entry and the spent link, or none of them; a link is spent once.
 */
public abstract class AcknowledgementsContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant LATER = NOON.plusSeconds(180);
    private static final String COMMISSION = "kz-75-commission";
    private static final Actor.Person AIGERIM = new Actor.Person("person-aigerim", COMMISSION, "responder");

    /** The cases table the store under test keeps its items in; the store is {@code table().acknowledgements()}. */
    protected abstract CasesTableFixture table();

    private Acknowledgements acknowledgements() {
        return table().acknowledgements();
    }

    // --- find -------------------------------------------------------------------------------------------------------

    @Test
    void an_alert_is_found_pending_as_its_own_chain_and_an_unknown_one_is_not() {
        Alert alert = raisedAlert();
        AlertAddress page = AlertAddress.parse(alert.alertId().replace(COMMISSION, "national-secretariat") + ".e1")
                .orElseThrow();

        assertThat(acknowledgements().find(address(alert))).contains(new AlertState(alert, AlertStatus.PENDING,
                alert.alertId(), Optional.empty(), Optional.empty()));
        assertThat(acknowledgements().find(address(alert.reference().value() + ".ngo-children"))).isEmpty();
        assertThat(acknowledgements().find(page)).isEmpty();
    }

    // --- save -------------------------------------------------------------------------------------------------------

    @Test
    void an_acknowledgement_stores_the_alert_the_case_and_the_audit_entry_together() {
        Alert alert = raisedAlert();
        Alert shelter = table().raise(Alert.of(alert.reference(), "ngo-shelter-almaty", alert.region(),
                alert.category(), alert.severity(), NOON));
        CaseFile taken = taken(alert);

        assertThat(acknowledgements().save(acknowledgement(state(alert), Optional.of(taken), Optional.empty())))
                .isEqualTo(new SaveOutcome.Saved());

        assertThat(acknowledgements().find(address(alert))).contains(new AlertState(alert,
                AlertStatus.ACKNOWLEDGED, alert.alertId(), Optional.of(LATER), Optional.of(COMMISSION)));
        assertThat(pendingIds()).containsExactly(shelter.alertId());
        assertThat(table().cases().find(alert.reference())).contains(taken);
        assertThat(table().audit().entries(alert.reference())).containsExactly(acknowledged(alert));
    }

    @Test
    void an_acknowledgement_of_a_case_taken_before_changes_no_case() {
        Alert alert = raisedAlert();
        CaseFile before = table().cases().find(alert.reference()).orElseThrow();

        assertThat(acknowledgements().save(acknowledgement(state(alert), Optional.empty(), Optional.empty())))
                .isEqualTo(new SaveOutcome.Saved());

        assertThat(state(alert).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(table().cases().find(alert.reference())).contains(before);
        assertThat(table().audit().entries(alert.reference())).containsExactly(acknowledged(alert));
    }

    @Test
    void acknowledging_an_alert_no_longer_pending_or_never_raised_writes_nothing() {
        Alert alert = raisedAlert();
        AlertState pending = state(alert);
        CaseFile taken = taken(alert);
        acknowledgements().save(acknowledgement(pending, Optional.of(taken), Optional.empty()));
        Alert never = Alert.of(alert.reference(), "ngo-children", alert.region(), alert.category(),
                alert.severity(), NOON);

        assertThat(acknowledgements().save(acknowledgement(pending, Optional.empty(), Optional.of(link("again")))))
                .isEqualTo(new SaveOutcome.AlreadyAcknowledged());
        assertThat(acknowledgements().save(acknowledgement(new AlertState(never, AlertStatus.PENDING,
                never.alertId(), Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty())))
                .isEqualTo(new SaveOutcome.AlreadyAcknowledged());

        assertThat(acknowledgements().isSpent("again")).isFalse();
        assertThat(acknowledgements().spend(link("again"), LATER)).as("unspent, so spent now").isTrue();
        assertThat(acknowledgements().isSpent("again")).isTrue();
        assertThat(acknowledgements().find(address(never))).isEmpty();
        assertThat(table().cases().find(alert.reference())).contains(taken);
        assertThat(table().audit().entries(alert.reference())).containsExactly(acknowledged(alert));
    }

    @Test
    void over_a_case_changed_meanwhile_nothing_is_written() {
        Alert alert = raisedAlert();
        CaseFile taken = taken(alert);
        CaseFile touched = current(alert).involving("ngo-children", NOON.plusSeconds(60));
        table().cases().save(touched, AuditEntry.of(alert.reference(), NOON.plusSeconds(60), AIGERIM,
                "case_touched"));

        assertThat(acknowledgements().save(acknowledgement(state(alert), Optional.of(taken), Optional.of(link("l1")))))
                .isEqualTo(new SaveOutcome.CaseChanged());

        assertThat(state(alert).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(pendingIds()).containsExactly(alert.alertId());
        assertThat(acknowledgements().isSpent("l1")).isFalse();
        assertThat(acknowledgements().spend(link("l1"), LATER)).as("unspent, so spent now").isTrue();
        assertThat(table().cases().find(alert.reference())).contains(touched);
        assertThat(table().audit().entries(alert.reference())).extracting(AuditEntry::action)
                .containsExactly("case_touched");
    }

    @Test
    void a_link_is_spent_with_the_acknowledgement_and_a_spent_link_spoils_the_whole_write() {
        Alert first = raisedAlert();
        Alert second = raisedAlert();

        assertThat(acknowledgements().save(acknowledgement(state(first), Optional.of(taken(first)),
                Optional.of(link("l1"))))).isEqualTo(new SaveOutcome.Saved());
        assertThat(acknowledgements().isSpent("l1")).isTrue();
        assertThat(acknowledgements().save(acknowledgement(state(second), Optional.of(taken(second)),
                Optional.of(link("l1"))))).isEqualTo(new SaveOutcome.LinkSpent());

        assertThat(state(second).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(current(second).version()).isEqualTo(1);
        assertThat(table().audit().entries(second.reference())).isEmpty();
        assertThat(table().audit().entries(first.reference())).containsExactly(acknowledged(first));
    }

    @Test
    void a_spent_link_is_told_before_an_alert_acknowledged_already() {
        Alert alert = raisedAlert();
        AlertState pending = state(alert);
        acknowledgements().save(acknowledgement(pending, Optional.of(taken(alert)), Optional.of(link("l1"))));

        assertThat(acknowledgements().save(acknowledgement(pending, Optional.empty(), Optional.of(link("l1")))))
                .isEqualTo(new SaveOutcome.LinkSpent());
    }

    @Test
    void an_alert_acknowledged_already_is_told_before_a_case_changed_meanwhile() {
        Alert alert = raisedAlert();
        AlertState pending = state(alert);
        CaseFile taken = taken(alert);
        acknowledgements().save(acknowledgement(pending, Optional.of(taken), Optional.empty()));

        assertThat(acknowledgements().save(acknowledgement(pending, Optional.of(taken), Optional.empty())))
                .isEqualTo(new SaveOutcome.AlreadyAcknowledged());
    }

    @Test
    void a_link_spent_on_its_own_is_spent_once() {
        assertThat(acknowledgements().isSpent("l1")).isFalse();

        assertThat(acknowledgements().spend(link("l1"), LATER)).isTrue();
        assertThat(acknowledgements().spend(link("l1"), LATER.plusSeconds(1))).isFalse();

        assertThat(acknowledgements().isSpent("l1")).isTrue();
        assertThat(acknowledgements().isSpent("l2")).isFalse();
        assertThat(acknowledgements().spend(link("l2"), LATER)).isTrue();
    }

    // --- pages ------------------------------------------------------------------------------------------------------

    @Test
    void acknowledging_a_page_marks_the_page_and_acknowledges_its_chain() {
        Alert origin = raisedAlert();
        Alert page = paged(origin, "national-secretariat");
        AlertState pageState = acknowledgements().find(address(page)).orElseThrow();
        assertThat(pageState).isEqualTo(new AlertState(page, AlertStatus.PAGE, origin.alertId(), Optional.empty(),
                Optional.empty()));

        assertThat(acknowledgements().save(new Acknowledgement(state(origin), Optional.of(pageState),
                "national-secretariat", LATER, Optional.of(taken(origin, "national-secretariat")),
                acknowledged(origin), Optional.empty()))).isEqualTo(new SaveOutcome.Saved());

        assertThat(state(origin)).isEqualTo(new AlertState(origin, AlertStatus.ACKNOWLEDGED, origin.alertId(),
                Optional.of(LATER), Optional.of("national-secretariat")));
        assertThat(acknowledgements().find(address(page))).contains(new AlertState(page, AlertStatus.PAGE,
                origin.alertId(), Optional.of(LATER), Optional.of("national-secretariat")));
        assertThat(pendingIds()).isEmpty();
    }

    @Test
    void a_page_nobody_stored_spoils_the_whole_write() {
        Alert origin = raisedAlert();
        Alert page = new Alert(origin.reference().value() + ".national-secretariat.e1", origin.reference(),
                "national-secretariat", origin.region(), origin.category(), origin.severity(), NOON);
        AlertState neverPaged = new AlertState(page, AlertStatus.PAGE, origin.alertId(), Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> acknowledgements().save(new Acknowledgement(state(origin), Optional.of(neverPaged),
                "national-secretariat", LATER, Optional.of(taken(origin)), acknowledged(origin), Optional.empty())))
                .isInstanceOf(StorageUnavailable.class);

        assertThat(state(origin).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(current(origin).version()).isEqualTo(1);
        assertThat(table().audit().entries(origin.reference())).isEmpty();
        assertThat(acknowledgements().save(acknowledgement(state(origin), Optional.of(taken(origin)),
                Optional.empty()))).as("without the page").isEqualTo(new SaveOutcome.Saved());
        assertThat(table().audit().entries(origin.reference())).containsExactly(acknowledged(origin));
    }

    @Test
    void of_many_acknowledging_at_once_exactly_one_writes() throws Exception {
        Alert alert = raisedAlert();
        AlertState pending = state(alert);
        CaseFile taken = taken(alert);

        List<SaveOutcome> outcomes = Racers.race(6, () -> acknowledgements().save(acknowledgement(pending,
                Optional.of(taken), Optional.empty())));

        assertThat(outcomes).filteredOn(o -> o instanceof SaveOutcome.Saved).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof SaveOutcome.Saved)).hasSize(5)
                .allMatch(o -> o instanceof SaveOutcome.AlreadyAcknowledged || o instanceof SaveOutcome.CaseChanged);
        assertThat(table().cases().find(alert.reference())).contains(taken);
        assertThat(table().audit().entries(alert.reference())).containsExactly(acknowledged(alert));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A victim's case in Almaty, just received, and the commission's alert about it. */
    private Alert raisedAlert() {
        CaseFile file = CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON);
        table().store(file);
        return table().raise(Alert.of(file.reference(), COMMISSION, file.region(), file.submission().category(),
                file.severity(), NOON));
    }

    /** The first escalation page of {@code origin}'s chain, to {@code target}, stored as escalation stores it. */
    private Alert paged(Alert origin, String target) {
        Instant at = NOON.plusSeconds(600);
        Alert page = new Alert(origin.reference().value() + "." + target + ".e1", origin.reference(), target,
                origin.region(), origin.category(), origin.severity(), at);
        assertThat(table().pendingAlerts().escalate(new Escalation(new PendingAlert(origin, 0), Optional.of(page),
                false, current(origin).involving(target, at), AuditEntry.of(origin.reference(), at,
                new Actor.System("escalation"), "alert_escalated")))).isEqualTo(new EscalationOutcome.Escalated());
        return page;
    }

    private AlertState state(Alert alert) {
        return acknowledgements().find(address(alert)).orElseThrow();
    }

    private CaseFile current(Alert alert) {
        return table().cases().find(alert.reference()).orElseThrow();
    }

    private CaseFile taken(Alert alert) {
        return taken(alert, COMMISSION);
    }

    /** The case as it stands, taken by {@code organisation} with this acknowledgement. */
    private CaseFile taken(Alert alert, String organisation) {
        return ((CaseFile.Change.Changed) current(alert).acknowledgedBy(organisation, LATER)).file();
    }

    private static Acknowledgement acknowledgement(AlertState origin, Optional<CaseFile> changedCase,
            Optional<LinkUse> link) {
        return new Acknowledgement(origin, Optional.empty(), COMMISSION, LATER, changedCase,
                acknowledged(origin.alert()), link);
    }

    private static AuditEntry acknowledged(Alert alert) {
        return AuditEntry.of(alert.reference(), LATER, AIGERIM, "alert_acknowledged");
    }

    private static LinkUse link(String linkId) {
        return new LinkUse(linkId, "SN-7Q2K-9M4D-XW3P.kz-75-commission", LATER.plusSeconds(86_400));
    }

    private List<String> pendingIds() {
        return table().pendingAlerts().pending().stream().map(p -> p.alert().alertId()).toList();
    }

    private static AlertAddress address(Alert alert) {
        return address(alert.alertId());
    }

    private static AlertAddress address(String alertId) {
        return AlertAddress.parse(alertId).orElseThrow();
    }
}
