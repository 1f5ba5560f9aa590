package kz.senim.referral;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.directory.ServiceType;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class ProviderReferralsTest {

    private final CaseWorld world = new CaseWorld();

    private Referral referTo(String provider, ServiceType service, LocalDate due) {
        CaseFile file = world.stored(world.caseIn(Submissions.victimInAlmaty(), CaseStatus.IN_PROGRESS,
                Set.of("kz-75-commission"), world.clock.instant()));
        return ((ReferToService.Outcome.Referred) world.referToService().refer(ALMATY_COORDINATOR,
                file.reference().value(), new ReferralRequest(provider, service, true, due))).referral();
    }

    @Test
    void a_provider_sees_its_referrals_soonest_due_first_and_no_one_elses() {
        Referral later = referTo("ngo-foreign-nationals", ServiceType.LEGAL, world.today().plusDays(30));
        Referral sooner = referTo("ngo-foreign-nationals", ServiceType.REPATRIATION, world.today().plusDays(2));
        referTo("ngo-shelter-almaty", ServiceType.SHELTER, world.today().plusDays(1));

        ProviderReferrals.Page page = world.providerReferrals().list(MIGRANT_NGO_RESPONDER, Optional.empty(), 50,
                Optional.empty());

        assertThat(page.referrals()).containsExactly(sooner, later);
        assertThat(page.nextCursor()).isEmpty();
        assertThat(world.providerReferrals().list(ALMATY_RESPONDER, Optional.empty(), 50, Optional.empty())
                .referrals()).isEmpty();
    }

    @Test
    void the_list_filters_by_status_and_pages() {
        List<Referral> referrals = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            referrals.add(referTo("ngo-foreign-nationals", ServiceType.LEGAL, world.today().plusDays(day)));
        }
        world.changeReferralStatus().change(MIGRANT_NGO_RESPONDER, referrals.get(3).id().value(), 1,
                ReferralStatusChange.to(ReferralTransition.ACCEPTED));

        ProviderReferrals.Page accepted = world.providerReferrals().list(MIGRANT_NGO_RESPONDER,
                Optional.of(ReferralStatus.ACCEPTED), 50, Optional.empty());
        ProviderReferrals.Page first = world.providerReferrals().list(MIGRANT_NGO_RESPONDER, Optional.empty(), 2,
                Optional.empty());
        ProviderReferrals.Page second = world.providerReferrals().list(MIGRANT_NGO_RESPONDER, Optional.empty(), 2,
                first.nextCursor());

        assertThat(accepted.referrals()).extracting(Referral::id).containsExactly(referrals.get(3).id());
        assertThat(first.referrals()).extracting(Referral::id)
                .containsExactly(referrals.get(0).id(), referrals.get(1).id());
        assertThat(second.referrals()).extracting(Referral::id)
                .containsExactly(referrals.get(2).id(), referrals.get(3).id());
    }

    @Test
    void a_referral_past_its_due_date_and_not_finished_is_overdue() {
        Referral dueTomorrow = referTo("ngo-foreign-nationals", ServiceType.LEGAL, world.today().plusDays(1));
        Referral dueToday = referTo("ngo-foreign-nationals", ServiceType.LEGAL, world.today());
        world.changeReferralStatus().change(MIGRANT_NGO_RESPONDER, dueToday.id().value(), 1,
                ReferralStatusChange.to(ReferralTransition.REJECTED, "no capacity"));
        world.clock.advance(Duration.ofDays(3));

        ProviderReferrals.Page page = world.providerReferrals().list(MIGRANT_NGO_RESPONDER, Optional.empty(), 50,
                Optional.empty());

        assertThat(page.today()).isEqualTo(world.today());
        assertThat(page.referrals()).extracting(r -> r.id().value() + "=" + r.line().overdueOn(page.today()))
                .containsExactlyInAnyOrder(dueToday.id().value() + "=false", dueTomorrow.id().value() + "=true");
    }
}
