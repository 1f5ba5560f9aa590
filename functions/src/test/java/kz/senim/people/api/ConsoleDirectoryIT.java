package kz.senim.people.api;

import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import kz.senim.access.Caller;
import kz.senim.access.Role;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Severity;
import kz.senim.directory.DirectoryData;
import kz.senim.handling.api.AssignCaseHandler;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.people.cognito.PostAuthenticationHandler;
import kz.senim.referral.api.ProvidersHandler;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.MutableClock;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.StoredCases;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestTables;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The console's directory reads as Lambda builds them (through {@link Wiring}) on DynamoDB Local: a sign-in through
 * the post-authentication trigger puts the person in the people directory, where {@code GET /v1/me} names them,
 * {@code GET /v1/people} lists them and an assignment finds them; {@code GET /v1/providers} reads the directory.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class ConsoleDirectoryIT {

    private static final String SUB = "7c1e9a52-4b3d-4f0e-9a61-2d5f0e8b7a13";

    private final MutableClock clock = MutableClock.atNoon();
    private DynamoDbEngine engine;
    private TestTables tables;
    private Wiring wiring;

    @BeforeEach
    void seededDirectory(DynamoDbEngine engine) {
        this.engine = engine;
        tables = TestTables.create(engine);
        wiring = LocalWiring.against(engine, null, Map.of(Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory()), clock);
        wiring.directorySeeder().seed(DirectoryData.seed());
    }

    private void signIn(String fixture) {
        CognitoUserPoolPostAuthenticationEvent event = EventLoader.loadEvent(fixture,
                CognitoUserPoolPostAuthenticationEvent.class);
        assertThat(new PostAuthenticationHandler(wiring).handleRequest(event, null)).isSameAs(event);
    }

    @Test
    void a_person_who_signed_in_is_named_listed_and_assignable_and_their_email_is_kept_nowhere() {
        Caller dana = new Caller(SUB, "kz-75-commission", Role.COORDINATOR);
        JsonNode before = json(new MeHandler(wiring).handleRequest(as(StaffEvents.load("events/apigw-v2-me.json"),
                dana), null));
        assertThat(before.path("name").asText()).as("not signed in through the trigger yet").isEqualTo(SUB);

        signIn("events/cognito-post-authentication.json");

        JsonNode me = json(new MeHandler(wiring).handleRequest(as(StaffEvents.load("events/apigw-v2-me.json"), dana),
                null));
        assertThat(me.path("name").asText()).isEqualTo("Dana Serikovna");
        assertThat(me.path("regions")).extracting(JsonNode::asText).containsExactly("KZ-75");
        JsonNode people = json(new PeopleHandler(wiring).handleRequest(
                as(StaffEvents.load("events/apigw-v2-people.json"), dana), null));
        assertThat(people.path("people").findValuesAsText("personId")).containsExactly(SUB);
        List<Map<String, AttributeValue>> items = engine.client().scan(r -> r.tableName(tables.directory())).items();
        assertThat(items).anySatisfy(item -> assertThat(item)
                .containsEntry("name", AttributeValue.fromS("Dana Serikovna")));
        assertThat(items.toString()).doesNotContain("dana.serikovna@example.kz").doesNotContain("email");

        CaseFile file = new StoredCases(engine.client(), tables.cases(), clock).store(Submissions.victimInAlmaty(),
                CaseStatus.ACKNOWLEDGED, Severity.HIGH, clock.instant(), "kz-75-commission");
        String reference = file.reference().value();
        AssignCaseHandler assign = new AssignCaseHandler(wiring);
        assertThat(assign.handleRequest(StaffEvents.caseChange("events/apigw-v2-assign-case.json", dana, reference,
                "assignee", "{\"personId\":\"someone-of-astana\"}", "\"1\""), null).getStatusCode()).isEqualTo(422);
        assertThat(assign.handleRequest(StaffEvents.caseChange("events/apigw-v2-assign-case.json", dana, reference,
                "assignee", "{\"personId\":\"" + SUB + "\"}", "\"1\""), null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void the_providers_of_a_service_come_from_the_seeded_directory() {
        JsonNode providers = json(new ProvidersHandler(wiring).handleRequest(
                StaffEvents.load("events/apigw-v2-providers.json"), null));

        assertThat(providers.path("providers").findValuesAsText("organisationId"))
                .containsExactly("ngo-shelter-almaty", "ngo-foreign-nationals", "ngo-children");
    }
}
