package kz.senim.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.people.People;
import kz.senim.people.Person;
import kz.senim.people.PersonId;

/** The people directory in memory, keyed like DynamoDB's (organisation, person): a sign-in replaces the record. */
public final class InMemoryPeople implements People {

    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Instant> recordedAt = new LinkedHashMap<>();

    /** Records each caller as having signed in, named after its id. */
    public static InMemoryPeople of(Caller... callers) {
        InMemoryPeople people = new InMemoryPeople();
        for (Caller caller : callers) {
            people.record(new Person(new PersonId(caller.personId()), caller.organisationId(), caller.role(),
                    "Name of " + caller.personId()), Instant.EPOCH);
        }
        return people;
    }

    @Override
    public synchronized void record(Person person, Instant at) {
        people.put(key(person.organisationId(), person.id()), person);
        recordedAt.put(key(person.organisationId(), person.id()), at);
    }

    @Override
    public synchronized Optional<Person> find(String organisationId, PersonId id) {
        return Optional.ofNullable(people.get(key(organisationId, id)));
    }

    @Override
    public synchronized List<Person> of(String organisationId) {
        return people.values().stream().filter(p -> p.organisationId().equals(organisationId)).toList();
    }

    public synchronized Optional<Instant> recordedAt(String organisationId, String personId) {
        return Optional.ofNullable(recordedAt.get(key(organisationId, new PersonId(personId))));
    }

    private static String key(String organisationId, PersonId id) {
        return organisationId + "|" + id.value();
    }
}
