package kz.senim.handling.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.StaffEvents.headers;
import static kz.senim.testing.StaffEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kz.senim.access.Caller;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssignCaseHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-assign-case.json";

    private final CaseWorld world = new CaseWorld();
    private final AssignCaseHandler handler = new AssignCaseHandler(world.assignCase());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }

    private APIGatewayV2HTTPEvent assign(Caller caller, CaseFile file, String ifMatch, String json) {
        return StaffEvents.caseChange(FIXTURE, caller, file.reference().value(), "assignee", json, ifMatch);
    }

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return handle(event, null);
    }

    @Test
    void a_coordinator_assigns_and_gets_the_new_state_with_its_etag() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_COORDINATOR, file, "\"1\"",
                "{\"personId\":\"person-aigerim\"}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(headers(response)).containsEntry("ETag", "\"2\"");
        assertThat(json(response).path("assignee").asText()).isEqualTo("person-aigerim");
        assertThat(json(response).path("version").asLong()).isEqualTo(2);
        assertThat(json(response).has("narrative")).isFalse();
        assertThat(world.auditActions(file)).containsExactly("case_assigned");
    }

    @Test
    void a_bare_version_in_if_match_is_accepted_too() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(ask(assign(ALMATY_COORDINATOR, file, "1", "{\"personId\":\"person-aigerim\"}")).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void without_if_match_the_request_is_refused_naming_the_header() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_COORDINATOR, file, null, "{\"personId\":\"p-1\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("If-Match");
        assertThat(json(response).path("code").asText()).isEqualTo("missing_field");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Заголовок «If-Match» обязателен.");
        assertThat(world.current(file)).isEqualTo(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"1\"", "\"1", "one", "*", "\"\"", "1234567890123456789"})
    void a_malformed_if_match_is_refused_naming_the_header(String ifMatch) {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_COORDINATOR, file, ifMatch, "{\"personId\":\"p\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void a_stale_if_match_is_409_version_conflict() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        ask(assign(ALMATY_COORDINATOR, file, "\"1\"", "{\"personId\":\"person-aigerim\"}"));

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_COORDINATOR, file, "\"1\"",
                "{\"personId\":\"person-dana\"}"));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("code").asText()).isEqualTo("version_conflict");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Кто-то изменил это дело в это время. Обновите его и повторите попытку.");
    }

    @Test
    void a_person_of_another_organisation_is_422_assignee_not_in_organisation() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_COORDINATOR, file, "\"1\"",
                "{\"personId\":\"person-erlan\"}"));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(json(response).path("code").asText()).isEqualTo("assignee_not_in_organisation");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Дело можно назначить только сотруднику вашей организации, который уже входил в Senim.");
        assertThat(world.current(file)).isEqualTo(file);
    }

    @Test
    void a_responder_gets_403() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_RESPONDER, file, "\"1\"", "{\"personId\":\"p\"}"));

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(json(response).path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void a_closed_case_is_409_case_closed() {
        CaseFile file = world.almatyCase(CaseStatus.CLOSED);

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_COORDINATOR, file, "\"1\"", "{\"personId\":\"p\"}"));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("code").asText()).isEqualTo("case_closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"personId\":\"\"}", "{\"personId\":\"a b\"}", "{\"personId\":42}",
            "{\"personId\":\"p\",\"role\":\"admin\"}", "[]", "not json"})
    void a_bad_body_is_400_naming_the_field(String json) {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse response = ask(assign(ALMATY_COORDINATOR, file, "\"1\"", json));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isIn("personId", "role", "body");
        assertThat(world.current(file)).isEqualTo(file);
    }
}
