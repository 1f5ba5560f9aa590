package kz.senim.handling;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_COORDINATOR;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.senim.access.Forbidden;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.InvalidInput;
import kz.senim.people.PersonId;
import kz.senim.testing.CaseWorld;
import org.junit.jupiter.api.Test;

class AssignCaseTest {

    private final CaseWorld world = new CaseWorld();
    private final AssignCase assignCase = world.assignCase();

    @Test
    void a_coordinator_assigns_a_case_over_the_version_they_saw_and_it_is_audited() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        CaseChangeOutcome outcome = assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1,
                new PersonId("person-aigerim"));

        assertThat(outcome).isInstanceOfSatisfying(CaseChangeOutcome.Changed.class, changed -> {
            assertThat(changed.file().assignee()).contains("person-aigerim");
            assertThat(changed.file().version()).isEqualTo(2);
        });
        assertThat(world.current(file).assignee()).contains("person-aigerim");
        assertThat(world.audit.entries(file.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("case_assigned");
            assertThat(entry.actor()).isEqualTo(ALMATY_COORDINATOR.actor());
            assertThat(entry.at()).isEqualTo(world.clock.instant());
            assertThat(entry.details()).containsEntry("assignee", "person-aigerim").containsEntry("version", "2");
        });
    }

    @Test
    void reassigning_records_who_had_it_before() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1, new PersonId("person-aigerim"));

        assignCase.assign(NATIONAL_COORDINATOR, file.reference().value(), 2, new PersonId("person-gulnara"));

        assertThat(world.audit.entries(file.reference())).last().satisfies(entry ->
                assertThat(entry.details()).containsEntry("assignee", "person-gulnara")
                        .containsEntry("previousAssignee", "person-aigerim"));
    }

    @Test
    void a_responder_may_not_assign() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThatThrownBy(() -> assignCase.assign(ALMATY_RESPONDER, file.reference().value(), 1,
                new PersonId("person-aigerim"))).isInstanceOf(Forbidden.class);
        assertThat(world.current(file)).isEqualTo(file);
    }

    @Test
    void a_coordinator_of_another_region_gets_not_found() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(assignCase.assign(ASTANA_COORDINATOR, file.reference().value(), 1, new PersonId("person-erlan")))
                .isInstanceOf(CaseChangeOutcome.NotFound.class);
        assertThat(world.current(file)).isEqualTo(file);
    }

    @Test
    void a_stale_version_is_a_conflict_and_changes_nothing() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1, new PersonId("person-aigerim"));

        CaseChangeOutcome outcome = assignCase.assign(NATIONAL_COORDINATOR, file.reference().value(), 1,
                new PersonId("person-gulnara"));

        assertThat(outcome).isInstanceOf(CaseChangeOutcome.VersionConflict.class);
        assertThat(world.current(file).assignee()).contains("person-aigerim");
        assertThat(world.auditActions(file)).containsExactly("case_assigned");
    }

    @Test
    void a_closed_case_is_not_assigned() {
        CaseFile file = world.almatyCase(CaseStatus.CLOSED);

        assertThat(assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1, new PersonId("person-dana")))
                .isEqualTo(new CaseChangeOutcome.Illegal("case_closed"));
        assertThat(world.current(file)).isEqualTo(file);
        assertThat(world.auditActions(file)).isEmpty();
    }

    @Test
    void assigning_the_same_person_again_changes_and_audits_nothing() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1, new PersonId("person-aigerim"));

        CaseChangeOutcome again = assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 2,
                new PersonId("person-aigerim"));

        assertThat(again).isInstanceOfSatisfying(CaseChangeOutcome.Unchanged.class,
                unchanged -> assertThat(unchanged.file().version()).isEqualTo(2));
        assertThat(world.auditActions(file)).containsExactly("case_assigned");
    }

    @Test
    void a_person_id_is_one_to_128_of_letters_digits_and_dot_underscore_at_hyphen() {
        assertThat(new PersonId("a").value()).isEqualTo("a");
        assertThat(new PersonId("x".repeat(128)).value()).hasSize(128);
        assertThat(new PersonId("Dana.K_01@kz-75").value()).isEqualTo("Dana.K_01@kz-75");
        assertThatThrownBy(() -> new PersonId("")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violation()).isEqualTo(InvalidInput.Violation.BLANK));
        assertThatThrownBy(() -> new PersonId("x".repeat(129))).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violation()).isEqualTo(InvalidInput.Violation.TOO_LONG));
        assertThatThrownBy(() -> new PersonId("dana k")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo("personId"));
        assertThatThrownBy(() -> new PersonId("Дана")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new PersonId(null)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violation()).isEqualTo(InvalidInput.Violation.MISSING));
    }

    @Test
    void a_person_of_another_organisation_is_refused_and_nothing_changes() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        CaseChangeOutcome outcome = assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1,
                new PersonId("person-saule"));

        assertThat(outcome).isEqualTo(new CaseChangeOutcome.Refused("assignee_not_in_organisation"));
        assertThat(world.current(file)).isEqualTo(file);
        assertThat(world.auditActions(file)).isEmpty();
        assertThat(assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1,
                new PersonId("person-aigerim"))).as("guard: one of theirs").isInstanceOf(CaseChangeOutcome.Changed.class);
    }

    @Test
    void someone_who_never_signed_in_is_not_in_the_people_directory_and_is_refused() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 1, new PersonId("p-1")))
                .isEqualTo(new CaseChangeOutcome.Refused("assignee_not_in_organisation"));
    }

    @Test
    void a_national_coordinator_assigns_to_people_of_the_secretariat_only() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(assignCase.assign(NATIONAL_COORDINATOR, file.reference().value(), 1,
                new PersonId("person-aigerim"))).isEqualTo(new CaseChangeOutcome.Refused("assignee_not_in_organisation"));
        assertThat(assignCase.assign(NATIONAL_COORDINATOR, file.reference().value(), 1,
                new PersonId("person-gulnara"))).isInstanceOf(CaseChangeOutcome.Changed.class);
    }

    @Test
    void a_stale_version_is_a_conflict_before_the_assignee_is_looked_at() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(assignCase.assign(ALMATY_COORDINATOR, file.reference().value(), 7, new PersonId("nobody")))
                .isInstanceOf(CaseChangeOutcome.VersionConflict.class);
    }

    @Test
    void the_coordinator_of_a_provider_that_only_serves_a_referral_may_not_assign_the_case() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        world.referToService().refer(ALMATY_COORDINATOR, file.reference().value(), new kz.senim.referral.ReferralRequest(
                "ngo-foreign-nationals", kz.senim.directory.ServiceType.LEGAL, true, world.today().plusDays(5)));

        assertThatThrownBy(() -> assignCase.assign(MIGRANT_NGO_COORDINATOR, file.reference().value(), 2,
                new PersonId("person-nodira"))).isInstanceOf(Forbidden.class);
        assertThat(world.current(file).assignee()).isEmpty();
    }
}
