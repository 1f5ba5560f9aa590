package kz.senim.referral;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import kz.senim.access.Forbidden;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.OpenReferral;
import kz.senim.directory.ServiceType;
import kz.senim.handling.ReadCase;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class ReferToServiceTest {

    private final CaseWorld world = new CaseWorld();
    private final ReferToService referToService = world.referToService();

    /** A foreign worker's case in Almaty: the commission only is involved so far. */
    private CaseFile foreignWorkersCase() {
        return world.stored(world.caseIn(Submissions.with(Submissions.victimInAlmaty(), false, false, false, true),
                CaseStatus.IN_PROGRESS, Set.of("kz-75-commission"), world.clock.instant()));
    }

    private ReferralRequest legalAid(boolean consent, LocalDate due) {
        return new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, consent, due);
    }

    @Test
    void a_coordinator_refers_with_consent_and_referral_case_and_audit_are_stored_together() {
        CaseFile file = foreignWorkersCase();

        ReferToService.Outcome outcome = referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                legalAid(true, world.today().plusDays(14)));

        assertThat(outcome).isInstanceOfSatisfying(ReferToService.Outcome.Referred.class, referred -> {
            Referral referral = referred.referral();
            assertThat(referral.id().value()).matches(file.reference().value() + "\\.R[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(referral.reference()).isEqualTo(file.reference());
            assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
            assertThat(referral.providerId()).isEqualTo("ngo-foreign-nationals");
            assertThat(referral.service()).isEqualTo(ServiceType.LEGAL);
            assertThat(referral.dueDate()).isEqualTo(world.today().plusDays(14));
            assertThat(referral.consentRecordedAt()).isEqualTo(world.clock.instant());
            assertThat(referral.version()).isEqualTo(1);
            assertThat(world.referrals.all()).containsExactly(referral);
        });
        CaseFile after = world.current(file);
        assertThat(after.involvedOrganisations()).as("a provider is not involved for good")
                .containsExactly("kz-75-commission");
        assertThat(after.openReferrals().values()).singleElement().isEqualTo(new OpenReferral(
                world.referrals.all().getFirst().id().value(), "ngo-foreign-nationals", "in_progress",
                world.today().plusDays(14)));
        assertThat(after.openReferralCount()).isEqualTo(1);
        assertThat(after.nextReferralDueDate()).contains(world.today().plusDays(14));
        assertThat(after.version()).isEqualTo(2);
        assertThat(world.audit.entries(file.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("referral_created");
            assertThat(entry.actor()).isEqualTo(ALMATY_COORDINATOR.actor());
            assertThat(entry.details()).containsEntry("providerId", "ngo-foreign-nationals")
                    .containsEntry("service", "legal").containsEntry("consent", "given")
                    .containsKey("referralId").containsKey("dueDate");
        });
    }

    @Test
    void once_referred_the_providers_people_can_open_the_case() {
        CaseFile file = foreignWorkersCase();
        ReadCase readCase = world.readCase();
        assertThat(readCase.read(MIGRANT_NGO_RESPONDER, file.reference().value()))
                .isInstanceOf(ReadCase.Outcome.NotFound.class);

        referToService.refer(ALMATY_COORDINATOR, file.reference().value(), legalAid(true, world.today()));

        assertThat(readCase.read(MIGRANT_NGO_RESPONDER, file.reference().value()))
                .isInstanceOf(ReadCase.Outcome.Found.class);
    }

    @Test
    void no_consent_no_referral_and_nothing_is_stored() {
        CaseFile file = foreignWorkersCase();

        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                legalAid(false, world.today().plusDays(3)))).isInstanceOf(ReferToService.Outcome.ConsentRequired.class);

        assertThat(world.referrals.all()).isEmpty();
        assertThat(world.current(file)).isEqualTo(file);
        assertThat(world.auditActions(file)).isEmpty();
        assertThatAConsentedReferralIsStoredWhereTheseWereLooked(file);
    }

    @Test
    void the_provider_must_be_in_the_directory_and_offer_the_service() {
        CaseFile file = foreignWorkersCase();
        LocalDate due = world.today().plusDays(3);

        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-nowhere", ServiceType.LEGAL, true, due)))
                .isInstanceOf(ReferToService.Outcome.ProviderNotFound.class);
        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-foreign-nationals", ServiceType.SHELTER, true, due)))
                .isInstanceOf(ReferToService.Outcome.ProviderNotFound.class);
        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("kz-75-commission", ServiceType.LEGAL, true, due)))
                .isInstanceOf(ReferToService.Outcome.ProviderNotFound.class);
        assertThat(world.referrals.all()).isEmpty();
        assertThat(world.auditActions(file)).isEmpty();
        assertThatAConsentedReferralIsStoredWhereTheseWereLooked(file);
    }

    @Test
    void the_due_date_is_from_today_to_a_year_from_today() {
        CaseFile file = foreignWorkersCase();
        String reference = file.reference().value();
        LocalDate today = world.today();

        assertThat(referToService.refer(ALMATY_COORDINATOR, reference, legalAid(true, today.minusDays(1))))
                .isEqualTo(new ReferToService.Outcome.DueDateOutOfRange(today, today.plusYears(1)));
        assertThat(referToService.refer(ALMATY_COORDINATOR, reference, legalAid(true, today.plusYears(1)
                .plusDays(1)))).isInstanceOf(ReferToService.Outcome.DueDateOutOfRange.class);
        assertThat(referToService.refer(ALMATY_COORDINATOR, reference, legalAid(true, today)))
                .isInstanceOf(ReferToService.Outcome.Referred.class);
        assertThat(referToService.refer(ALMATY_COORDINATOR, reference, legalAid(true, today.plusYears(1))))
                .isInstanceOf(ReferToService.Outcome.Referred.class);
    }

    @Test
    void today_is_the_calendar_day_in_kazakhstan() {
        world.clock.advance(java.time.Duration.ofHours(8)); // 20:00 UTC is 01:00 the next day in Almaty
        CaseFile file = foreignWorkersCase();
        LocalDate utcToday = LocalDate.ofInstant(world.clock.instant(), java.time.ZoneOffset.UTC);

        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(), legalAid(true, utcToday)))
                .isInstanceOf(ReferToService.Outcome.DueDateOutOfRange.class);
        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                legalAid(true, utcToday.plusDays(1)))).isInstanceOf(ReferToService.Outcome.Referred.class);
    }

    @Test
    void a_responder_may_not_refer() {
        CaseFile file = foreignWorkersCase();

        assertThatThrownBy(() -> referToService.refer(ALMATY_RESPONDER, file.reference().value(),
                legalAid(true, world.today()))).isInstanceOf(Forbidden.class);
        assertThat(world.referrals.all()).isEmpty();
        assertThatAConsentedReferralIsStoredWhereTheseWereLooked(file);
    }

    @Test
    void a_coordinator_out_of_scope_gets_not_found_whatever_the_rest_says() {
        CaseFile file = foreignWorkersCase();

        assertThat(referToService.refer(ASTANA_COORDINATOR, file.reference().value(),
                legalAid(false, world.today()))).isInstanceOf(ReferToService.Outcome.CaseNotFound.class);
        assertThat(referToService.refer(NATIONAL_COORDINATOR, "SN-0000-0000-0000", legalAid(true, world.today())))
                .isInstanceOf(ReferToService.Outcome.CaseNotFound.class);
    }

    @Test
    void a_closed_case_takes_no_referral() {
        CaseFile file = world.stored(world.caseIn(Submissions.victimInAlmaty(), CaseStatus.CLOSED,
                Set.of("kz-75-commission"), world.clock.instant()));

        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(), legalAid(true, world.today())))
                .isInstanceOf(ReferToService.Outcome.CaseClosed.class);
        assertThat(world.referrals.all()).isEmpty();
        assertThat(world.current(file)).isEqualTo(file);
    }

    /** The positive guard of a "nothing stored": the same coordinator's proper request is stored right there. */
    private void assertThatAConsentedReferralIsStoredWhereTheseWereLooked(CaseFile file) {
        assertThat(referToService.refer(ALMATY_COORDINATOR, file.reference().value(), legalAid(true, world.today())))
                .isInstanceOf(ReferToService.Outcome.Referred.class);
        assertThat(world.referrals.all()).hasSize(1);
        assertThat(world.auditActions(file)).containsExactly("referral_created");
    }

    @Test
    void a_provider_id_is_required_text() {
        assertThatThrownBy(() -> new ReferralRequest(" ", ServiceType.LEGAL, true, world.today()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("providerId"));
        assertThatThrownBy(() -> new ReferralRequest("x".repeat(65), ServiceType.LEGAL, true, world.today()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.violation()).isEqualTo(InvalidInput.Violation.TOO_LONG));
    }

    @Test
    void referral_ids_name_their_case_and_are_read_tolerantly() {
        CaseFile file = foreignWorkersCase();
        ReferralId id = ReferralId.random(file.reference(), world.random);

        assertThat(id.reference()).isEqualTo(file.reference());
        assertThat(ReferralId.parse(id.value().toLowerCase())).contains(id);
        assertThat(ReferralId.parse(file.reference().value())).isEmpty();
        assertThat(ReferralId.parse(file.reference().value() + ".RUUUU")).isEmpty();
        assertThat(ReferralId.parse("x".repeat(41))).isEmpty();
        assertThat(ReferralId.parse(null)).isEmpty();
    }

    @Test
    void a_provider_of_another_region_is_refused_and_nothing_is_stored() {
        CaseFile file = foreignWorkersCase();

        ReferToService.Outcome outcome = referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-shelter-astana", ServiceType.SHELTER, true, world.today().plusDays(3)));

        assertThat(outcome).isInstanceOf(ReferToService.Outcome.ProviderNotInRegion.class);
        assertThat(world.referrals.all()).isEmpty();
        assertThat(world.current(file)).isEqualTo(file);
        assertThat(world.auditActions(file)).isEmpty();
    }

    @Test
    void a_provider_of_the_region_and_a_national_one_are_both_accepted() {
        CaseFile file = foreignWorkersCase();

        ReferToService.Outcome regional = referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-shelter-almaty", ServiceType.SHELTER, true, world.today().plusDays(3)));
        ReferToService.Outcome national = referToService.refer(ALMATY_COORDINATOR, file.reference().value(),
                legalAid(true, world.today().plusDays(9)));

        assertThat(regional).isInstanceOf(ReferToService.Outcome.Referred.class);
        assertThat(national).isInstanceOf(ReferToService.Outcome.Referred.class);
        CaseFile after = world.current(file);
        assertThat(after.openReferralCount()).isEqualTo(2);
        assertThat(after.nextReferralDueDate()).as("the earlier of the two").contains(world.today().plusDays(3));
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void the_provider_of_a_referral_may_not_refer_the_case_on() {
        CaseFile file = foreignWorkersCase();
        referToService.refer(ALMATY_COORDINATOR, file.reference().value(), legalAid(true, world.today().plusDays(9)));

        assertThatThrownBy(() -> referToService.refer(MIGRANT_NGO_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-shelter-almaty", ServiceType.SHELTER, true, world.today().plusDays(3))))
                .isInstanceOf(Forbidden.class);
        assertThat(world.referrals.all()).as("guard: the first referral is there").hasSize(1);
    }
}
