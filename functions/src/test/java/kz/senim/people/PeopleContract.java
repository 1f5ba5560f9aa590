package kz.senim.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kz.senim.access.Role;
import org.junit.jupiter.api.Test;

/**
 * What every {@link People} promises, run against the in-memory fake ({@link InMemoryPeopleContractTest}) and the
 * DynamoDB adapter ({@code DynamoDbPeopleIT}), so that the fake other tests rely on behaves as the table does.
 */
public abstract class PeopleContract {

    private static final Instant SIGN_IN = Instant.parse("2026-11-23T07:00:00Z");

    /** A people directory with nobody in it. */
    protected abstract People empty();

    private static Person person(String id, String organisation, Role role, String name) {
        return new Person(new PersonId(id), organisation, role, name);
    }

    @Test
    void a_recorded_person_is_found_in_their_organisation_only() {
        People people = empty();
        Person dana = person("dana.coordinator.almaty", "kz-75-commission", Role.COORDINATOR, "Dana Serikovna");

        people.record(dana, SIGN_IN);

        assertThat(people.find("kz-75-commission", dana.id())).contains(dana);
        assertThat(people.find("kz-71-commission", dana.id())).isEmpty();
        assertThat(people.find("kz-75-commission", new PersonId("someone-else"))).isEmpty();
    }

    @Test
    void a_later_sign_in_replaces_what_was_recorded() {
        People people = empty();
        people.record(person("p-1", "ngo-children", Role.RESPONDER, "Aliya"), SIGN_IN);

        people.record(person("p-1", "ngo-children", Role.COORDINATOR, "Aliya Bekova"), SIGN_IN.plusSeconds(60));

        assertThat(people.of("ngo-children")).containsExactly(
                person("p-1", "ngo-children", Role.COORDINATOR, "Aliya Bekova"));
    }

    @Test
    void an_organisations_people_are_all_of_its_own_and_none_of_another() {
        People people = empty();
        Person aigerim = person("aigerim", "kz-75-commission", Role.RESPONDER, "Айгерим Нұрланқызы");
        Person dana = person("dana", "kz-75-commission", Role.COORDINATOR, "Dana");
        Person yerlan = person("yerlan", "kz-71-commission", Role.COORDINATOR, "Yerlan");
        people.record(aigerim, SIGN_IN);
        people.record(dana, SIGN_IN);
        people.record(yerlan, SIGN_IN);

        assertThat(people.of("kz-75-commission")).containsExactlyInAnyOrder(aigerim, dana);
        assertThat(people.of("kz-71-commission")).containsExactly(yerlan);
        assertThat(people.of("ngo-children")).isEmpty();
    }
}
