package kz.senim.handling;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.CaseWorld.SHELTER_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.access.Caller;
import kz.senim.access.Forbidden;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.InvalidInput;
import kz.senim.people.PersonId;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralStatus;
import kz.senim.testing.CaseWorld;
import org.junit.jupiter.api.Test;

class ChangeCaseStatusTest {

    private final CaseWorld world = new CaseWorld();
    private final ChangeCaseStatus changeStatus = world.changeCaseStatus();

    private CaseChangeOutcome change(Caller caller, CaseFile file, long version,
            CaseTransition transition) {
        return changeStatus.change(caller, file.reference().value(), version, transition);
    }

    @Test
    void anyone_in_scope_starts_work_on_an_acknowledged_case() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        CaseChangeOutcome outcome = change(SHELTER_RESPONDER, file, 1, CaseTransition.startWork());

        assertThat(outcome).isInstanceOfSatisfying(CaseChangeOutcome.Changed.class,
                changed -> assertThat(changed.file().status()).isEqualTo(CaseStatus.IN_PROGRESS));
        assertThat(world.audit.entries(file.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("case_work_started");
            assertThat(entry.details()).containsEntry("from", "acknowledged").containsEntry("to", "in_progress");
        });
    }

    @Test
    void starting_work_twice_changes_nothing_the_second_time() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        assertThat(change(ALMATY_RESPONDER, file, 1, CaseTransition.startWork()))
                .isInstanceOf(CaseChangeOutcome.Unchanged.class);
        assertThat(world.current(file)).isEqualTo(file);
        assertThat(world.auditActions(file)).isEmpty();
    }

    @Test
    void work_cannot_start_before_anyone_acknowledged() {
        CaseFile file = world.almatyCase(CaseStatus.RECEIVED);

        assertThat(change(ALMATY_RESPONDER, file, 1, CaseTransition.startWork()))
                .isEqualTo(new CaseChangeOutcome.Illegal("case_not_acknowledged"));
    }

    @Test
    void a_coordinator_closes_a_case_with_an_outcome() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        CaseChangeOutcome outcome = change(ALMATY_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.ASSISTED));

        assertThat(outcome).isInstanceOfSatisfying(CaseChangeOutcome.Changed.class, changed -> {
            assertThat(changed.file().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(changed.file().outcome()).contains(ClosingOutcome.ASSISTED);
        });
        assertThat(world.audit.entries(file.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("case_closed");
            assertThat(entry.details()).containsEntry("outcome", "assisted").containsEntry("to", "closed");
        });
    }

    @Test
    void a_responder_may_not_close_a_case() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        assertThatThrownBy(() -> change(ALMATY_RESPONDER, file, 1, CaseTransition.close(ClosingOutcome.ASSISTED)))
                .isInstanceOf(Forbidden.class);
        assertThat(world.current(file)).isEqualTo(file);
    }

    @Test
    void closing_needs_an_outcome() {
        assertThatThrownBy(() -> new CaseTransition(CaseTransition.Target.CLOSED, Optional.empty(),
                Optional.empty())).isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("outcome");
                    assertThat(e.violation()).isEqualTo(InvalidInput.Violation.MISSING);
                });
    }

    @Test
    void a_case_does_not_close_while_a_referral_is_open() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        world.shelterReferral(file);

        assertThat(change(ALMATY_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.ASSISTED)))
                .isEqualTo(new CaseChangeOutcome.Illegal("referrals_open"));
        assertThat(world.current(file).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(world.auditActions(file)).isEmpty();
    }

    @Test
    void a_done_referral_still_blocks_closing_until_it_is_closed_itself() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        Referral referral = world.shelterReferral(file);
        Referral done = new Referral(referral.id(), referral.providerId(), referral.service(), ReferralStatus.DONE,
                referral.dueDate(), referral.consentRecordedAt(), Optional.empty(), 3, referral.createdAt(),
                referral.updatedAt(), Optional.empty());
        world.referrals.add(done);

        assertThat(change(ALMATY_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.ASSISTED)))
                .isEqualTo(new CaseChangeOutcome.Illegal("referrals_open"));

        world.referrals.add(new Referral(done.id(), done.providerId(), done.service(), done.status(), done.dueDate(),
                done.consentRecordedAt(), done.reason(), 4, done.createdAt(), world.clock.instant(),
                Optional.of(world.clock.instant())));
        assertThat(change(ALMATY_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.ASSISTED)))
                .isInstanceOf(CaseChangeOutcome.Changed.class);
    }

    @Test
    void a_closed_case_does_not_close_again_nor_start_work() {
        CaseFile file = world.almatyCase(CaseStatus.CLOSED);

        assertThat(change(ALMATY_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.DUPLICATE)))
                .isEqualTo(new CaseChangeOutcome.Illegal("case_closed"));
    }

    @Test
    void a_coordinator_reopens_a_closed_case_with_a_reason_kept_on_the_case_not_in_the_audit() {
        CaseFile file = world.almatyCase(CaseStatus.CLOSED);
        String reason = "The reporter wrote again: a second worker is still held at the site.";

        CaseChangeOutcome outcome = change(NATIONAL_COORDINATOR, file, 1, CaseTransition.reopen(reason));

        assertThat(outcome).isInstanceOfSatisfying(CaseChangeOutcome.Changed.class, changed -> {
            assertThat(changed.file().status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(changed.file().statusReason()).contains(CaseText.plain(reason));
            assertThat(changed.file().outcome()).isEmpty();
        });
        assertThat(world.audit.entries(file.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("case_reopened");
            assertThat(entry.details()).containsEntry("from", "closed").containsEntry("to", "in_progress");
            assertThat(entry.details().values()).noneMatch(v -> v.contains("worker"));
        });
    }

    @Test
    void reopening_needs_a_reason() {
        CaseFile file = world.almatyCase(CaseStatus.CLOSED);

        assertThatThrownBy(() -> change(ALMATY_COORDINATOR, file, 1, CaseTransition.startWork()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.violation()).isEqualTo(InvalidInput.Violation.MISSING);
                });
        assertThatThrownBy(() -> change(ALMATY_COORDINATOR, file, 1, CaseTransition.reopen("   ")))
                .isInstanceOf(InvalidInput.class);
        assertThat(world.current(file).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void a_responder_may_not_reopen() {
        CaseFile file = world.almatyCase(CaseStatus.CLOSED);

        assertThatThrownBy(() -> change(ALMATY_RESPONDER, file, 1, CaseTransition.reopen("new information")))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void out_of_scope_is_not_found_even_for_a_coordinator() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        assertThat(change(ASTANA_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.ASSISTED)))
                .isInstanceOf(CaseChangeOutcome.NotFound.class);
    }

    @Test
    void a_stale_if_match_is_a_version_conflict() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        change(ALMATY_RESPONDER, file, 1, CaseTransition.startWork());

        assertThat(change(ALMATY_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.NO_CONTACT)))
                .isInstanceOf(CaseChangeOutcome.VersionConflict.class);
        assertThat(world.current(file).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void of_two_concurrent_changes_over_the_same_version_one_wins_and_the_other_is_a_conflict() throws Exception {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<CaseChangeOutcome> close = () -> {
            start.await();
            return change(ALMATY_COORDINATOR, file, 1, CaseTransition.close(ClosingOutcome.ASSISTED));
        };
        Callable<CaseChangeOutcome> assign = () -> {
            start.await();
            return world.assignCase().assign(NATIONAL_COORDINATOR, file.reference().value(), 1,
                    new PersonId("person-gulnara"));
        };
        List<CaseChangeOutcome> outcomes;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<CaseChangeOutcome>> futures = threads.invokeAll(List.of(close, assign));
            outcomes = List.of(futures.get(0).get(), futures.get(1).get());
        }

        assertThat(outcomes).filteredOn(CaseChangeOutcome.Changed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(CaseChangeOutcome.VersionConflict.class::isInstance).hasSize(1);
        assertThat(world.current(file).version()).isEqualTo(2);
        assertThat(world.auditActions(file)).hasSize(1);
    }
}
