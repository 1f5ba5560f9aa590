package kz.senim.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The people directory: who of each organisation has signed in, recorded at every sign-in (in AWS by the user pool's
 * post-authentication trigger). Someone who never signed in is not in it.
 */
public interface People {

    /** Records the person as their latest sign-in says, replacing what was recorded about them before. */
    void record(Person person, Instant at);

    Optional<Person> find(String organisationId, PersonId id);

    /** The people of an organisation, in no particular order. */
    List<Person> of(String organisationId);
}
