package kz.senim.referral;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.access.Caller;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.directory.ServiceType;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

/** A referral sent with an {@code Idempotency-Key}: retries create it once. */
class ReferToServiceIdempotencyTest {

    private final CaseWorld world = new CaseWorld();
    private final ReferToService referToService = world.referToService();
    private final CaseFile file = world.stored(world.caseIn(Submissions.with(Submissions.victimInAlmaty(), false,
            false, false, true), CaseStatus.IN_PROGRESS, Set.of("kz-75-commission"), world.clock.instant()));

    private ReferralRequest legalAid(LocalDate due) {
        return new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, true, due);
    }

    private ReferToService.Outcome refer(Caller caller, String key, ReferralRequest request) {
        return referToService.refer(caller, file.reference().value(), request, Optional.of(new IdempotencyKey(key)));
    }

    @Test
    void a_retry_with_the_same_key_and_body_returns_the_same_referral_and_stores_nothing_new() {
        LocalDate due = world.today().plusDays(14);
        var first = (ReferToService.Outcome.Referred) refer(ALMATY_COORDINATOR, "staff-ref-key-000001",
                legalAid(due));
        world.clock.advance(Duration.ofMinutes(5));

        var retry = (ReferToService.Outcome.Referred) refer(ALMATY_COORDINATOR, "staff-ref-key-000001",
                legalAid(due));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.referral()).isEqualTo(first.referral());
        assertThat(retry.today()).isEqualTo(first.today());
        assertThat(first.referral().id()).isEqualTo(ReferralId.forKey(file.reference(),
                new IdempotencyKey("staff-ref-key-000001").hash(), 0));
        assertThat(world.referrals.all()).containsExactly(first.referral());
        assertThat(world.auditActions(file)).containsExactly("referral_created");
        assertThat(world.current(file).version()).isEqualTo(2);
    }

    @Test
    void a_retry_answers_the_referral_as_created_even_after_it_moved_on_and_the_case_was_closed() {
        var first = (ReferToService.Outcome.Referred) refer(ALMATY_COORDINATOR, "staff-ref-key-000002",
                legalAid(world.today()));
        world.clock.advance(Duration.ofDays(3));
        world.referrals.add(((Referral.Change.Changed) first.referral().apply(ReferralTransition.ACCEPTED,
                Optional.empty(), world.clock.instant())).referral());
        CaseFile current = world.current(file);
        world.cases.add(new CaseFile(current.reference(), current.submission(), current.severity(),
                CaseStatus.CLOSED, current.version() + 1, current.takenBy(), current.assignee(),
                current.involvedOrganisations(), Optional.of(kz.senim.cases.ClosingOutcome.ASSISTED),
                current.statusReason(), current.submittedAt(), world.clock.instant()));

        assertThat(refer(ALMATY_COORDINATOR, "staff-ref-key-000002", legalAid(first.today())))
                .isEqualTo(new ReferToService.Outcome.Referred(first.referral(), first.today(), true));
        assertThat(world.referrals.all()).hasSize(1);
    }

    @Test
    void eight_concurrent_retries_create_one_referral_and_one_audit_entry() throws Exception {
        int retries = 8;
        LocalDate due = world.today().plusDays(7);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ReferToService.Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            calls.add(() -> {
                start.await();
                return refer(ALMATY_COORDINATOR, "staff-ref-concurrent-1", legalAid(due));
            });
        }
        List<ReferToService.Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            List<Future<ReferToService.Outcome>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<ReferToService.Outcome> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ReferToService.Outcome.Referred.class));
        assertThat(outcomes.stream().map(o -> ((ReferToService.Outcome.Referred) o).referral()).distinct())
                .hasSize(1);
        assertThat(outcomes.stream().filter(o -> !((ReferToService.Outcome.Referred) o).replayed())).hasSize(1);
        assertThat(world.referrals.all()).hasSize(1);
        assertThat(world.auditActions(file)).containsExactly("referral_created");
    }

    @Test
    void the_same_key_with_another_body_or_person_is_refused_and_stores_nothing() {
        LocalDate due = world.today().plusDays(14);
        refer(ALMATY_COORDINATOR, "staff-ref-key-000003", legalAid(due));
        CaseFile afterFirst = world.current(file);

        assertThat(refer(ALMATY_COORDINATOR, "staff-ref-key-000003", legalAid(due.plusDays(1))))
                .isEqualTo(new ReferToService.Outcome.KeyReused());
        assertThat(refer(ALMATY_COORDINATOR, "staff-ref-key-000003",
                new ReferralRequest("ngo-shelter-almaty", ServiceType.SHELTER, true, due)))
                .isEqualTo(new ReferToService.Outcome.KeyReused());
        assertThat(refer(NATIONAL_COORDINATOR, "staff-ref-key-000003", legalAid(due)))
                .isEqualTo(new ReferToService.Outcome.KeyReused());
        assertThat(world.referrals.all()).hasSize(1);
        assertThat(world.current(file)).isEqualTo(afterFirst);
        assertThat(world.auditActions(file)).containsExactly("referral_created");
    }

    @Test
    void a_refusal_stores_no_key_so_the_corrected_request_may_use_it() {
        assertThat(refer(ALMATY_COORDINATOR, "staff-ref-key-000004",
                new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, false, world.today())))
                .isInstanceOf(ReferToService.Outcome.ConsentRequired.class);

        assertThat(refer(ALMATY_COORDINATOR, "staff-ref-key-000004", legalAid(world.today())))
                .isInstanceOfSatisfying(ReferToService.Outcome.Referred.class,
                        referred -> assertThat(referred.replayed()).isFalse());
        assertThat(world.referrals.all()).hasSize(1);
    }

    @Test
    void a_derived_id_taken_by_another_referral_of_the_case_is_drawn_again() {
        String hash = new IdempotencyKey("staff-ref-key-000005").hash();
        ReferralId taken = ReferralId.forKey(file.reference(), hash, 0);
        world.referrals.add(Referral.create(taken, "ngo-shelter-almaty", ServiceType.SHELTER, world.today(),
                world.clock.instant()));

        var referred = (ReferToService.Outcome.Referred) refer(ALMATY_COORDINATOR, "staff-ref-key-000005",
                legalAid(world.today()));

        assertThat(referred.referral().id()).isEqualTo(ReferralId.forKey(file.reference(), hash, 1))
                .isNotEqualTo(taken);
        assertThat(refer(ALMATY_COORDINATOR, "staff-ref-key-000005", legalAid(world.today())))
                .isEqualTo(new ReferToService.Outcome.Referred(referred.referral(), referred.today(), true));
    }
}
