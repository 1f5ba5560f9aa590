package kz.senim.people.api;

import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.StaffEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kz.senim.people.ListPeople;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeopleHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-people.json";

    private final CaseWorld world = new CaseWorld();
    private final PeopleHandler handler = new PeopleHandler(new ListPeople(world.people, world.directory,
            world.access));

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return StaffEvents.conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void the_fixtures_coordinator_gets_their_people_with_id_name_and_role_only() {
        APIGatewayV2HTTPResponse response = ask(StaffEvents.load(FIXTURE));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("organisationId").asText()).isEqualTo("kz-75-commission");
        assertThat(body.path("people").findValuesAsText("personId"))
                .containsExactly("person-aigerim", "person-arman", "person-dana");
        assertThat(body.path("people").get(0).path("role").asText()).isEqualTo("responder");
        assertThat(body.path("people").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("personId", "name", "role");
    }

    @Test
    void a_responder_or_another_organisations_coordinator_is_403() {
        for (var caller : new kz.senim.access.Caller[] {ALMATY_RESPONDER, ASTANA_COORDINATOR}) {
            APIGatewayV2HTTPResponse response = ask(StaffEvents.as(StaffEvents.load(FIXTURE), caller));
            assertThat(response.getStatusCode()).as(caller.personId()).isEqualTo(403);
            assertThat(json(response).path("detail").asText())
                    .isEqualTo("Сіздің рөліңіз бұл әрекетке рұқсат бермейді.");
            assertThat(response.getBody()).doesNotContain("person-aigerim");
        }
    }

    @Test
    void national_scope_lists_another_organisation_and_gets_404_for_one_not_in_the_directory() {
        APIGatewayV2HTTPEvent astana = StaffEvents.query(StaffEvents.as(StaffEvents.load(FIXTURE),
                NATIONAL_COORDINATOR), "organisationId", "kz-71-commission");
        APIGatewayV2HTTPEvent unknown = StaffEvents.query(StaffEvents.as(StaffEvents.load(FIXTURE),
                NATIONAL_COORDINATOR), "organisationId", "kz-00-commission");

        assertThat(json(ask(astana)).path("people").findValuesAsText("personId")).containsExactly("person-erlan");
        APIGatewayV2HTTPResponse notFound = ask(unknown);
        assertThat(notFound.getStatusCode()).isEqualTo(404);
        assertThat(json(notFound).path("detail").asText())
                .isEqualTo("Анықтамалықта мұндай идентификаторы бар ұйым жоқ.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KZ-75", "kz 75", "-kz-75", "a"})
    void an_organisation_id_that_is_not_one_is_400_naming_the_parameter(String value) {
        APIGatewayV2HTTPResponse response = ask(StaffEvents.query(StaffEvents.load(FIXTURE), "organisationId",
                value));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("organisationId");
    }

    @Test
    void without_organisation_id_it_is_400_missing_field() {
        APIGatewayV2HTTPResponse response = ask(StaffEvents.query(StaffEvents.load(FIXTURE), "organisationId",
                null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("code").asText()).isEqualTo("missing_field");
    }
}
