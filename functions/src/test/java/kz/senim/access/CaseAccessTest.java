package kz.senim.access;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_NATIONAL_ROLE;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.CaseWorld.SHELTER_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import kz.senim.access.CaseAccess.Reach;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.OpenReferral;
import kz.senim.cases.RegionCode;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseAccessTest {

    private static final RegionCode ALMATY = new RegionCode("KZ-75");
    private static final RegionCode ASTANA = new RegionCode("KZ-71");

    private final CaseWorld world = new CaseWorld();
    private final CaseAccess access = world.access;

    /** A witness's tip in Almaty alerted to the commission only: the migrants' NGO is not involved. */
    private CaseFile almatyTip() {
        return world.caseIn(Submissions.witnessTip(ALMATY, Category.FORCED_LABOUR), CaseStatus.IN_PROGRESS,
                Set.of("kz-75-commission"), Instant.parse("2026-11-23T08:00:00Z"));
    }

    private static CaseFile referredTo(CaseFile file, String providerId, String status) {
        return file.withReferral(file.reference().value() + ".R4K9Z", Optional.of(new OpenReferral(
                file.reference().value() + ".R4K9Z", providerId, status, LocalDate.parse("2026-12-01"))));
    }

    @Test
    void national_scope_is_for_national_coordinators_of_the_organisation_the_directory_types_as_secretariat() {
        assertThat(access.national(NATIONAL_COORDINATOR)).isTrue();
        assertThat(access.national(ALMATY_NATIONAL_ROLE)).as("the role alone, in a regional commission").isFalse();
        assertThat(access.national(new Caller("person-x", "national-secretariat", Role.COORDINATOR)))
                .as("a coordinator of the secretariat").isFalse();
        assertThat(access.national(new Caller("person-y", "not-in-the-directory", Role.NATIONAL_COORDINATOR)))
                .isFalse();
    }

    @Test
    void national_scope_reaches_every_case_for_case_work() {
        CaseFile astana = world.caseIn(Submissions.witnessTip(ASTANA, Category.BEGGING), CaseStatus.RECEIVED,
                Set.of("kz-71-commission"), Instant.parse("2026-11-23T08:00:00Z"));

        assertThat(access.reach(NATIONAL_COORDINATOR, astana)).isEqualTo(Reach.CASEWORK);
        assertThat(access.servesRegion(NATIONAL_COORDINATOR, RegionCode.UNKNOWN)).isTrue();
    }

    @Test
    void a_national_role_outside_the_secretariat_is_its_organisations_coordinator_and_no_more() {
        CaseFile almaty = almatyTip();
        CaseFile astana = world.caseIn(Submissions.witnessTip(ASTANA, Category.BEGGING), CaseStatus.RECEIVED,
                Set.of("kz-71-commission"), Instant.parse("2026-11-23T08:00:00Z"));

        assertThat(access.reach(ALMATY_NATIONAL_ROLE, almaty)).isEqualTo(Reach.CASEWORK);
        assertThat(access.reach(ALMATY_NATIONAL_ROLE, astana)).isEqualTo(Reach.NONE);
        assertThat(access.servesRegion(ALMATY_NATIONAL_ROLE, ALMATY)).isTrue();
        assertThat(access.servesRegion(ALMATY_NATIONAL_ROLE, ASTANA)).isFalse();
        assertThat(ALMATY_NATIONAL_ROLE.role().coordinates()).isTrue();
    }

    @Test
    void an_alerted_organisation_of_the_region_works_the_case_and_one_that_only_serves_the_region_does_not_see_it() {
        CaseFile file = almatyTip();

        assertThat(access.reach(ALMATY_COORDINATOR, file)).isEqualTo(Reach.CASEWORK);
        assertThat(access.reach(SHELTER_RESPONDER, file)).as("serves Almaty, not alerted").isEqualTo(Reach.NONE);
        assertThat(access.reach(ASTANA_COORDINATOR, file)).isEqualTo(Reach.NONE);
        assertThat(access.visible(SHELTER_RESPONDER, Optional.of(file))).isEmpty();
        assertThat(access.visible(ALMATY_COORDINATOR, Optional.of(file))).contains(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in_progress", "accepted", "done"})
    void the_provider_of_an_open_referral_reaches_the_case_as_provider_only(String status) {
        CaseFile file = referredTo(almatyTip(), "ngo-foreign-nationals", status);

        assertThat(access.reach(MIGRANT_NGO_RESPONDER, file)).isEqualTo(Reach.PROVIDER);
        assertThat(access.canSee(MIGRANT_NGO_COORDINATOR, file)).isTrue();
        assertThatThrownBy(() -> access.requireCasework(MIGRANT_NGO_COORDINATOR, file, "assign"))
                .isInstanceOf(Forbidden.class);
        assertThat(access.reach(SHELTER_RESPONDER, file)).as("another provider").isEqualTo(Reach.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rejected", "revoked"})
    void a_rejected_or_revoked_referral_opens_nothing(String status) {
        CaseFile file = referredTo(almatyTip(), "ngo-foreign-nationals", status);

        assertThat(access.reach(MIGRANT_NGO_RESPONDER, file)).isEqualTo(Reach.NONE);
        assertThat(access.reach(ALMATY_COORDINATOR, file)).as("guard: the case itself is visible")
                .isEqualTo(Reach.CASEWORK);
    }

    @Test
    void a_closed_referral_is_off_the_case_and_opens_nothing() {
        CaseFile referred = referredTo(almatyTip(), "ngo-foreign-nationals", "done");
        CaseFile closed = referred.withReferral(referred.reference().value() + ".R4K9Z", Optional.empty());

        assertThat(access.reach(MIGRANT_NGO_RESPONDER, referred)).isEqualTo(Reach.PROVIDER);
        assertThat(access.reach(MIGRANT_NGO_RESPONDER, closed)).isEqualTo(Reach.NONE);
    }

    @Test
    void an_alerted_provider_keeps_working_the_case_whatever_its_referral_does() {
        CaseFile victimCase = world.almatyCase(CaseStatus.IN_PROGRESS); // the Almaty shelter was alerted
        CaseFile revoked = referredTo(victimCase, "ngo-shelter-almaty", "revoked");

        assertThat(access.reach(SHELTER_RESPONDER, revoked)).isEqualTo(Reach.CASEWORK);
    }
}
