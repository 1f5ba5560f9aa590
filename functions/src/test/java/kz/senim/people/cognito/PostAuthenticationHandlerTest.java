package kz.senim.people.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Role;
import kz.senim.cases.StorageUnavailable;
import kz.senim.people.People;
import kz.senim.people.Person;
import kz.senim.people.PersonId;
import kz.senim.people.RecordSignIn;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryPeople;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.Test;

class PostAuthenticationHandlerTest {

    private static final String FIXTURE = "events/cognito-post-authentication.json";
    private static final String SUB = "7c1e9a52-4b3d-4f0e-9a61-2d5f0e8b7a13";

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryPeople people = new InMemoryPeople();

    private PostAuthenticationHandler handler(People store) {
        return new PostAuthenticationHandler(new RecordSignIn(store, FixedDirectory.seeded(), clock));
    }

    private static CognitoUserPoolPostAuthenticationEvent event() {
        return EventLoader.loadEvent(FIXTURE, CognitoUserPoolPostAuthenticationEvent.class);
    }

    @Test
    void a_sign_in_records_the_person_and_hands_the_event_back_to_cognito() {
        CognitoUserPoolPostAuthenticationEvent event = event();

        CognitoUserPoolPostAuthenticationEvent answer = handler(people).handleRequest(event, null);

        assertThat(answer).isSameAs(event);
        assertThat(people.find("kz-75-commission", new PersonId(SUB))).contains(
                new Person(new PersonId(SUB), "kz-75-commission", Role.COORDINATOR, "Dana Serikovna"));
        assertThat(people.recordedAt("kz-75-commission", SUB)).contains(clock.instant());
    }

    @Test
    void an_account_senim_cannot_serve_is_not_recorded_and_the_sign_in_goes_on() {
        CognitoUserPoolPostAuthenticationEvent event = event();
        Map<String, String> attributes = new HashMap<>(event.getRequest().getUserAttributes());
        attributes.put("custom:role", "administrator");
        event.getRequest().setUserAttributes(attributes);

        assertThat(handler(people).handleRequest(event, null)).isSameAs(event);
        assertThat(people.of("kz-75-commission")).isEmpty();
    }

    @Test
    void a_storage_outage_or_a_bug_never_fails_the_sign_in() {
        CognitoUserPoolPostAuthenticationEvent event = event();

        assertThat(handler(failing(new StorageUnavailable("directory table unavailable", null)))
                .handleRequest(event, null)).isSameAs(event);
        assertThat(handler(failing(new IllegalStateException("a bug"))).handleRequest(event, null)).isSameAs(event);
    }

    /** A people directory whose every write fails with {@code failure}. */
    private static People failing(RuntimeException failure) {
        return new People() {
            @Override
            public void record(Person person, Instant at) {
                throw failure;
            }

            @Override
            public Optional<Person> find(String organisationId, PersonId id) {
                return Optional.empty();
            }

            @Override
            public List<Person> of(String organisationId) {
                return List.of();
            }
        };
    }

    @Test
    void an_event_without_attributes_records_nobody() {
        CognitoUserPoolPostAuthenticationEvent event = event();
        event.setRequest(null);

        assertThat(handler(people).handleRequest(event, null)).isSameAs(event);
        assertThat(people.of("kz-75-commission")).isEmpty();
    }
}
