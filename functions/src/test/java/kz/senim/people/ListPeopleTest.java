package kz.senim.people;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_NATIONAL_ROLE;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import kz.senim.access.Forbidden;
import kz.senim.access.Role;
import kz.senim.testing.CaseWorld;
import org.junit.jupiter.api.Test;

class ListPeopleTest {

    private final CaseWorld world = new CaseWorld();
    private final ListPeople listPeople = new ListPeople(world.people, world.directory, world.access);

    @Test
    void a_coordinator_lists_their_organisations_people_sorted_by_name() {
        world.people.record(new Person(new PersonId("person-zz"), "kz-75-commission", Role.RESPONDER, "Aaron"),
                Instant.EPOCH);

        ListPeople.Outcome outcome = listPeople.list(ALMATY_COORDINATOR, "kz-75-commission");

        assertThat(outcome).isInstanceOfSatisfying(ListPeople.Outcome.Found.class, found -> {
            assertThat(found.organisationId()).isEqualTo("kz-75-commission");
            assertThat(found.people()).extracting(Person::personId)
                    .containsExactly("person-zz", "person-aigerim", "person-arman", "person-dana");
        });
    }

    @Test
    void national_scope_lists_any_organisation() {
        assertThat(listPeople.list(NATIONAL_COORDINATOR, "kz-71-commission"))
                .isInstanceOfSatisfying(ListPeople.Outcome.Found.class, found -> assertThat(found.people())
                        .extracting(Person::personId).containsExactly("person-erlan"));
        assertThat(listPeople.list(NATIONAL_COORDINATOR, "no-such-organisation"))
                .isInstanceOf(ListPeople.Outcome.UnknownOrganisation.class);
    }

    @Test
    void responders_and_coordinators_of_another_organisation_are_refused() {
        assertThatThrownBy(() -> listPeople.list(ALMATY_RESPONDER, "kz-75-commission"))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> listPeople.list(ASTANA_COORDINATOR, "kz-75-commission"))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> listPeople.list(ASTANA_COORDINATOR, "no-such-organisation"))
                .as("refused before the directory is asked: no probing").isInstanceOf(Forbidden.class);
    }

    @Test
    void a_national_role_outside_the_secretariat_lists_its_own_organisation_only() {
        assertThat(listPeople.list(ALMATY_NATIONAL_ROLE, "kz-75-commission"))
                .isInstanceOf(ListPeople.Outcome.Found.class);
        assertThatThrownBy(() -> listPeople.list(ALMATY_NATIONAL_ROLE, "kz-71-commission"))
                .isInstanceOf(Forbidden.class);
    }
}
