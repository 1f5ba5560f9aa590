package kz.senim.people;

import java.time.Clock;
import java.util.Optional;
import kz.senim.access.Role;
import kz.senim.cases.InvalidInput;
import kz.senim.directory.Directory;

/**
 * A person signed in: record them in the people directory with the organisation, role and name their account holds,
 * so that coordinators can assign cases to them. An account that names no organisation of the directory or no known
 * role is not recorded (it could not do anything anyway); a missing name is recorded as the person's id.
 */
public final class RecordSignIn {

    private final People people;
    private final Directory directory;
    private final Clock clock;

    public RecordSignIn(People people, Directory directory, Clock clock) {
        this.people = people;
        this.directory = directory;
        this.clock = clock;
    }

    /** What the account says: {@code sub}, {@code custom:organisationId}, {@code custom:role}, {@code name}. */
    public record SignIn(String personId, String organisationId, String role, String name) {
    }

    public sealed interface Outcome {
        record Recorded(Person person) implements Outcome { }

        /** Not recorded; {@code reason} names what the account lacks (a code, never its value). */
        record Ignored(String reason) implements Outcome { }
    }

    public Outcome record(SignIn signIn) {
        Optional<PersonId> parsed = PersonId.parse(signIn.personId());
        if (parsed.isEmpty()) {
            return new Outcome.Ignored("invalid_person_id");
        }
        PersonId id = parsed.get();
        if (signIn.organisationId() == null || directory.organisation(signIn.organisationId()).isEmpty()) {
            return new Outcome.Ignored("organisation_not_in_directory");
        }
        Optional<Role> role = Optional.ofNullable(signIn.role()).flatMap(Role::fromCode);
        if (role.isEmpty()) {
            return new Outcome.Ignored("unknown_role");
        }
        Person person;
        try {
            person = new Person(id, signIn.organisationId(), role.get(), name(signIn.name(), id));
        } catch (InvalidInput invalid) {
            person = new Person(id, signIn.organisationId(), role.get(), id.value());
        }
        people.record(person, clock.instant());
        return new Outcome.Recorded(person);
    }

    private static String name(String name, PersonId id) {
        return name == null || name.isBlank() ? id.value() : name;
    }
}
