package kz.senim.referral;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.access.Forbidden;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.InvalidInput;
import kz.senim.directory.ServiceType;
import kz.senim.handling.CaseChangeOutcome;
import kz.senim.handling.CaseTransition;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeReferralStatusTest {

    private final CaseWorld world = new CaseWorld();
    private final ChangeReferralStatus changeStatus = world.changeReferralStatus();
    private CaseFile file;
    private Referral referral;

    /** A foreign worker's case in Almaty referred by the commission to the NGO for foreign nationals. */
    @BeforeEach
    void referred() {
        file = world.stored(world.caseIn(Submissions.with(Submissions.victimInAlmaty(), false, false, false, true),
                CaseStatus.IN_PROGRESS, Set.of("kz-75-commission"), world.clock.instant()));
        ReferToService.Outcome outcome = world.referToService().refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-foreign-nationals", ServiceType.REPATRIATION, true,
                        world.today().plusDays(10)));
        referral = ((ReferToService.Outcome.Referred) outcome).referral();
        world.clock.advance(Duration.ofHours(1));
    }

    private ChangeReferralStatus.Outcome change(Caller caller, long version, ReferralStatusChange change) {
        return changeStatus.change(caller, referral.id().value(), version, change);
    }

    private Referral changed(ChangeReferralStatus.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ChangeReferralStatus.Outcome.Changed.class);
        return ((ChangeReferralStatus.Outcome.Changed) outcome).referral();
    }

    @Test
    void the_provider_accepts_then_marks_done_and_each_step_is_audited() {
        Referral accepted = changed(change(MIGRANT_NGO_RESPONDER, 1,
                ReferralStatusChange.to(ReferralTransition.ACCEPTED)));
        Referral done = changed(change(MIGRANT_NGO_RESPONDER, 2, ReferralStatusChange.to(ReferralTransition.DONE)));

        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(done.status()).isEqualTo(ReferralStatus.DONE);
        assertThat(done.version()).isEqualTo(3);
        assertThat(done.isOpen()).isTrue();
        assertThat(world.current(referral)).isEqualTo(done);
        assertThat(world.auditActions(file)).containsExactly("referral_created", "referral_accepted",
                "referral_done");
        assertThat(world.audit.entries(file.reference()).getLast()).satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(MIGRANT_NGO_RESPONDER.actor());
            assertThat(entry.at()).isEqualTo(world.clock.instant());
            assertThat(entry.details()).containsEntry("referralId", referral.id().value())
                    .containsEntry("from", "accepted").containsEntry("to", "done");
        });
    }

    @Test
    void the_provider_rejects_with_a_reason_that_stays_out_of_the_audit() {
        String reason = "No places until next month; the person needs a shelter with a doctor.";

        Referral rejected = changed(change(MIGRANT_NGO_COORDINATOR, 1,
                ReferralStatusChange.to(ReferralTransition.REJECTED, reason)));

        assertThat(rejected.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(rejected.reason()).contains(CaseText.plain(reason));
        assertThat(world.audit.entries(file.reference()).getLast().details().values())
                .noneMatch(value -> value.contains("places"));
    }

    @Test
    void rejecting_and_revoking_need_a_reason() {
        assertThatThrownBy(() -> ReferralStatusChange.to(ReferralTransition.REJECTED))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> ReferralStatusChange.to(ReferralTransition.REVOKED, "  "))
                .isInstanceOf(InvalidInput.class);
        assertThat(ReferralStatusChange.to(ReferralTransition.ACCEPTED).reason()).isEmpty();
    }

    @Test
    void only_the_providers_people_accept_reject_or_finish() {
        assertThatThrownBy(() -> change(ALMATY_COORDINATOR, 1, ReferralStatusChange.to(ReferralTransition.ACCEPTED)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> change(NATIONAL_COORDINATOR, 1, ReferralStatusChange.to(ReferralTransition.DONE)))
                .isInstanceOf(Forbidden.class);
        assertThat(world.current(referral)).isEqualTo(referral);
    }

    @Test
    void coordinators_of_the_case_revoke_and_close_and_the_provider_may_not() {
        assertThatThrownBy(() -> change(MIGRANT_NGO_COORDINATOR, 1,
                ReferralStatusChange.to(ReferralTransition.REVOKED, "mistake")))
                .as("a provider does not revoke its own referral")
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> change(ALMATY_RESPONDER, 1,
                ReferralStatusChange.to(ReferralTransition.REVOKED, "mistake"))).isInstanceOf(Forbidden.class);

        Referral revoked = changed(change(ALMATY_COORDINATOR, 1,
                ReferralStatusChange.to(ReferralTransition.REVOKED, "The person went home on their own.")));
        Referral closed = changed(change(NATIONAL_COORDINATOR, 2, ReferralStatusChange.to(ReferralTransition.CLOSED)));

        assertThat(revoked.status()).isEqualTo(ReferralStatus.REVOKED);
        assertThat(closed.status()).isEqualTo(ReferralStatus.REVOKED);
        assertThat(closed.closedAt()).contains(world.clock.instant());
        assertThat(closed.isOpen()).isFalse();
        assertThat(world.auditActions(file)).endsWith("referral_revoked", "referral_closed");
    }

    @Test
    void illegal_transitions_are_refused_and_change_nothing() {
        assertThat(change(MIGRANT_NGO_RESPONDER, 1, ReferralStatusChange.to(ReferralTransition.DONE)))
                .isInstanceOf(ChangeReferralStatus.Outcome.Illegal.class);
        assertThat(change(ALMATY_COORDINATOR, 1, ReferralStatusChange.to(ReferralTransition.CLOSED)))
                .as("an in-progress referral is revoked, not closed")
                .isInstanceOf(ChangeReferralStatus.Outcome.Illegal.class);
        changed(change(MIGRANT_NGO_RESPONDER, 1, ReferralStatusChange.to(ReferralTransition.ACCEPTED)));
        assertThat(change(MIGRANT_NGO_RESPONDER, 2, ReferralStatusChange.to(ReferralTransition.ACCEPTED)))
                .isInstanceOf(ChangeReferralStatus.Outcome.Illegal.class);
        assertThat(change(MIGRANT_NGO_RESPONDER, 2, ReferralStatusChange.to(ReferralTransition.REJECTED, "late")))
                .isInstanceOf(ChangeReferralStatus.Outcome.Illegal.class);
        assertThat(world.current(referral).version()).isEqualTo(2);
        assertThat(world.auditActions(file)).containsExactly("referral_created", "referral_accepted");
    }

    @Test
    void a_closed_referral_changes_no_more() {
        changed(change(MIGRANT_NGO_RESPONDER, 1, ReferralStatusChange.to(ReferralTransition.REJECTED, "full")));
        changed(change(ALMATY_COORDINATOR, 2, ReferralStatusChange.to(ReferralTransition.CLOSED)));

        for (ReferralTransition to : ReferralTransition.values()) {
            Caller caller = to.party() == ReferralTransition.Party.PROVIDER ? MIGRANT_NGO_RESPONDER
                    : ALMATY_COORDINATOR;
            assertThat(change(caller, 3, new ReferralStatusChange(to, java.util.Optional.of("again"))))
                    .as(to.code()).isInstanceOf(ChangeReferralStatus.Outcome.Illegal.class);
        }
    }

    @Test
    void a_stale_version_is_a_conflict() {
        changed(change(MIGRANT_NGO_RESPONDER, 1, ReferralStatusChange.to(ReferralTransition.ACCEPTED)));

        assertThat(change(ALMATY_COORDINATOR, 1, ReferralStatusChange.to(ReferralTransition.REVOKED, "x")))
                .isInstanceOf(ChangeReferralStatus.Outcome.VersionConflict.class);
        assertThat(world.current(referral).status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void people_who_neither_provide_nor_see_the_case_get_not_found() {
        assertThat(change(ASTANA_COORDINATOR, 1, ReferralStatusChange.to(ReferralTransition.REVOKED, "x")))
                .isInstanceOf(ChangeReferralStatus.Outcome.NotFound.class);
        assertThat(changeStatus.change(ALMATY_COORDINATOR, file.reference().value() + ".R0000", 1,
                ReferralStatusChange.to(ReferralTransition.CLOSED)))
                .isInstanceOf(ChangeReferralStatus.Outcome.NotFound.class);
        assertThat(changeStatus.change(ALMATY_COORDINATOR, "not-an-id", 1,
                ReferralStatusChange.to(ReferralTransition.CLOSED)))
                .isInstanceOf(ChangeReferralStatus.Outcome.NotFound.class);
    }

    @Test
    void the_case_closes_only_once_its_referral_is_closed() {
        CaseTransition close = CaseTransition.close(ClosingOutcome.ASSISTED);
        long caseVersion = world.current(file).version();
        assertThat(world.changeCaseStatus().change(ALMATY_COORDINATOR, file.reference().value(), caseVersion, close))
                .isEqualTo(new CaseChangeOutcome.Illegal("referrals_open"));

        changed(change(MIGRANT_NGO_RESPONDER, 1, ReferralStatusChange.to(ReferralTransition.ACCEPTED)));
        changed(change(MIGRANT_NGO_RESPONDER, 2, ReferralStatusChange.to(ReferralTransition.DONE)));
        assertThat(world.changeCaseStatus().change(ALMATY_COORDINATOR, file.reference().value(), caseVersion, close))
                .isEqualTo(new CaseChangeOutcome.Illegal("referrals_open"));
        changed(change(ALMATY_COORDINATOR, 3, ReferralStatusChange.to(ReferralTransition.CLOSED)));

        assertThat(world.changeCaseStatus().change(ALMATY_COORDINATOR, file.reference().value(), caseVersion, close))
                .isInstanceOf(CaseChangeOutcome.Changed.class);
    }

    @Test
    void the_case_follows_its_referral_without_moving_its_version() {
        assertThat(world.current(file).openReferrals().get(referral.id().value()).status()).isEqualTo("in_progress");
        long version = world.current(file).version();

        changed(change(MIGRANT_NGO_RESPONDER, 1, ReferralStatusChange.to(ReferralTransition.ACCEPTED)));
        assertThat(world.current(file).openReferrals().get(referral.id().value()).status()).isEqualTo("accepted");
        assertThat(world.current(file).nextReferralDueDate()).contains(world.today().plusDays(10));

        changed(change(MIGRANT_NGO_RESPONDER, 2, ReferralStatusChange.to(ReferralTransition.DONE)));
        assertThat(world.current(file).openReferralCount()).as("done, not closed yet").isEqualTo(1);
        assertThat(world.current(file).nextReferralDueDate()).as("nothing waits for a provider").isEmpty();

        changed(change(ALMATY_COORDINATOR, 3, ReferralStatusChange.to(ReferralTransition.CLOSED)));
        assertThat(world.current(file).openReferralCount()).isZero();
        assertThat(world.current(file).version()).as("a coordinator's If-Match stays good").isEqualTo(version);
    }

    @Test
    void the_provider_opens_the_case_while_the_referral_is_open_and_no_longer_once_it_is_revoked() {
        assertThat(world.readCase().read(MIGRANT_NGO_RESPONDER, file.reference().value()))
                .isInstanceOf(kz.senim.handling.ReadCase.Outcome.Found.class);

        changed(change(ALMATY_COORDINATOR, 1, ReferralStatusChange.to(ReferralTransition.REVOKED, "Moved away")));

        assertThat(world.readCase().read(MIGRANT_NGO_RESPONDER, file.reference().value()))
                .isInstanceOf(kz.senim.handling.ReadCase.Outcome.NotFound.class);
        assertThat(world.readCase().read(ALMATY_COORDINATOR, file.reference().value()))
                .isInstanceOf(kz.senim.handling.ReadCase.Outcome.Found.class);
    }

    @Test
    void another_providers_coordinator_who_sees_the_case_only_for_its_own_referral_may_not_revoke_this_one() {
        ReferToService.Outcome shelter = world.referToService().refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-children", ServiceType.EDUCATION, true, world.today().plusDays(5)));
        assertThat(shelter).isInstanceOf(ReferToService.Outcome.Referred.class);
        Caller childrenCoordinator = new Caller("person-aliya", "ngo-children", kz.senim.access.Role.COORDINATOR);

        assertThatThrownBy(() -> change(childrenCoordinator, 1,
                ReferralStatusChange.to(ReferralTransition.REVOKED, "Not needed")))
                .isInstanceOf(Forbidden.class);
        assertThat(world.current(referral).status()).isEqualTo(ReferralStatus.IN_PROGRESS);
    }
}
