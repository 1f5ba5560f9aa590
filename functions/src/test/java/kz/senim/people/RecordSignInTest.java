package kz.senim.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kz.senim.access.Role;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryPeople;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RecordSignInTest {

    private static final String SUB = "7c1e9a52-4b3d-4f0e-9a61-2d5f0e8b7a13";

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryPeople people = new InMemoryPeople();
    private final RecordSignIn recordSignIn = new RecordSignIn(people, FixedDirectory.seeded(), clock);

    @Test
    void a_sign_in_records_the_person_with_organisation_role_and_name() {
        RecordSignIn.Outcome outcome = recordSignIn.record(
                new RecordSignIn.SignIn(SUB, "kz-75-commission", "coordinator", "Dana Serikovna"));

        Person dana = new Person(new PersonId(SUB), "kz-75-commission", Role.COORDINATOR, "Dana Serikovna");
        assertThat(outcome).isEqualTo(new RecordSignIn.Outcome.Recorded(dana));
        assertThat(people.find("kz-75-commission", new PersonId(SUB))).contains(dana);
        assertThat(people.recordedAt("kz-75-commission", SUB)).contains(clock.instant());
    }

    @Test
    void every_sign_in_records_what_the_account_says_now() {
        recordSignIn.record(new RecordSignIn.SignIn(SUB, "kz-75-commission", "responder", "Dana"));
        clock.advance(Duration.ofDays(30));

        recordSignIn.record(new RecordSignIn.SignIn(SUB, "kz-75-commission", "coordinator", "Dana Serikovna"));

        assertThat(people.of("kz-75-commission")).singleElement().satisfies(person -> {
            assertThat(person.role()).isEqualTo(Role.COORDINATOR);
            assertThat(person.name()).isEqualTo("Dana Serikovna");
        });
        assertThat(people.recordedAt("kz-75-commission", SUB)).contains(clock.instant());
    }

    @Test
    void an_account_without_a_name_is_recorded_under_its_id() {
        assertThat(recordSignIn.record(new RecordSignIn.SignIn(SUB, "ngo-children", "responder", null)))
                .isInstanceOf(RecordSignIn.Outcome.Recorded.class);
        assertThat(recordSignIn.record(new RecordSignIn.SignIn("other-id", "ngo-children", "responder", "a\u0000b")))
                .isInstanceOf(RecordSignIn.Outcome.Recorded.class);

        assertThat(people.of("ngo-children")).extracting(Person::name).containsExactlyInAnyOrder(SUB, "other-id");
    }

    @Test
    void an_account_senim_could_not_serve_is_not_recorded_and_says_why() {
        assertThat(recordSignIn.record(new RecordSignIn.SignIn(SUB, "not-in-the-directory", "coordinator", "X")))
                .isEqualTo(new RecordSignIn.Outcome.Ignored("organisation_not_in_directory"));
        assertThat(recordSignIn.record(new RecordSignIn.SignIn(SUB, null, "coordinator", "X")))
                .isEqualTo(new RecordSignIn.Outcome.Ignored("organisation_not_in_directory"));
        assertThat(recordSignIn.record(new RecordSignIn.SignIn(SUB, "kz-75-commission", "admin", "X")))
                .isEqualTo(new RecordSignIn.Outcome.Ignored("unknown_role"));
        assertThat(recordSignIn.record(new RecordSignIn.SignIn(SUB, "kz-75-commission", null, "X")))
                .isEqualTo(new RecordSignIn.Outcome.Ignored("unknown_role"));
        assertThat(recordSignIn.record(new RecordSignIn.SignIn("has spaces", "kz-75-commission", "coordinator", "X")))
                .isEqualTo(new RecordSignIn.Outcome.Ignored("invalid_person_id"));
        assertThat(recordSignIn.record(new RecordSignIn.SignIn(null, "kz-75-commission", "coordinator", "X")))
                .isEqualTo(new RecordSignIn.Outcome.Ignored("invalid_person_id"));

        assertThat(people.of("kz-75-commission")).isEmpty();
        assertThat(recordSignIn.record(new RecordSignIn.SignIn(SUB, "kz-75-commission", "coordinator", "X")))
                .as("guard: the same account, complete").isInstanceOf(RecordSignIn.Outcome.Recorded.class);
    }
}
