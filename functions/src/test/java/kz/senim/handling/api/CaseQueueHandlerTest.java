package kz.senim.handling.api;

import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.headers;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseQueueHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-case-queue.json";

    private final CaseWorld world = new CaseWorld();
    private final CaseQueueHandler handler = new CaseQueueHandler(world.listQueue(), RegionCatalogue.load());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return handle(event, null);
    }

    private static APIGatewayV2HTTPEvent queue() {
        return as(StaffEvents.load(FIXTURE), ALMATY_RESPONDER);
    }

    @Test
    void the_queue_lists_case_summaries_oldest_first_without_narrative_or_locality() {
        CaseFile first = world.almatyCase(CaseStatus.RECEIVED);
        CaseFile second = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse response = ask(queue());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(headers(response)).containsEntry("Cache-Control", "no-store");
        JsonNode body = json(response);
        assertThat(body.path("region").asText()).isEqualTo("KZ-75");
        assertThat(body.path("cases")).hasSize(2);
        assertThat(body.path("cases").get(0).path("reference").asText()).isEqualTo(first.reference().value());
        assertThat(body.path("cases").get(1).path("reference").asText()).isEqualTo(second.reference().value());
        JsonNode summary = body.path("cases").get(0);
        assertThat(summary.path("status").asText()).isEqualTo("received");
        assertThat(summary.path("severity").asText()).isEqualTo("medium");
        assertThat(summary.path("category").asText()).isEqualTo("forced_labour");
        assertThat(summary.path("version").asLong()).isEqualTo(1);
        assertThat(summary.path("involvedOrganisations")).hasSize(2);
        assertThat(summary.has("narrative")).isFalse();
        assertThat(summary.has("locality")).isFalse();
        assertThat(response.getBody()).doesNotContain(Submissions.narrative(first.submission()))
                .doesNotContain(Submissions.locality(first.submission()));
        assertThat(body.has("nextCursor")).isFalse();
    }

    @Test
    void a_full_page_carries_the_cursor_of_the_next() {
        world.almatyCase(CaseStatus.RECEIVED);
        CaseFile second = world.almatyCase(CaseStatus.RECEIVED);

        JsonNode first = json(ask(query(queue(), "limit", "1")));
        // a page with room to spare is the last; a full one has a cursor even at the end, as DynamoDB pages
        JsonNode next = json(ask(query(query(queue(), "limit", "2"), "cursor", first.path("nextCursor").asText())));

        assertThat(first.path("nextCursor").asText()).isNotEmpty();
        assertThat(next.path("cases").get(0).path("reference").asText()).isEqualTo(second.reference().value());
        assertThat(next.has("nextCursor")).isFalse();
    }

    @Test
    void without_signed_in_claims_the_answer_is_401_in_the_callers_language() {
        APIGatewayV2HTTPResponse response = ask(anonymous(queue()));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(headers(response).get("Content-Type")).startsWith("application/problem+json");
        assertThat(json(response).path("code").asText()).isEqualTo("unauthorized");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Войдите, чтобы пользоваться сервисом.");
    }

    @Test
    void claims_without_a_known_role_are_no_caller() {
        assertThat(ask(StaffEvents.claim(queue(), "custom:role", "admin")).getStatusCode()).isEqualTo(401);
        assertThat(ask(StaffEvents.claim(queue(), "custom:organisationId", null)).getStatusCode()).isEqualTo(401);
    }

    @Test
    void the_region_is_required() {
        APIGatewayV2HTTPResponse response = ask(query(queue(), "region", null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("region");
        assertThat(json(response).path("code").asText()).isEqualTo("missing_field");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Параметр «region» обязателен.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"region=KZ-99", "region=almaty", "status=open", "severity=urgent", "category=labour",
            "limit=0", "limit=101", "limit=ten", "limit=-1", "cursor="})
    void a_parameter_out_of_its_values_is_refused_naming_it(String parameter) {
        String[] pair = parameter.split("=", 2);

        APIGatewayV2HTTPResponse response = ask(query(queue(), pair[0], pair[1]));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo(pair[0]);
        assertThat(json(response).path("code").asText()).isEqualTo("invalid_field");
    }

    @Test
    void a_region_outside_the_callers_organisation_is_403() {
        APIGatewayV2HTTPResponse response = ask(as(queue(), ASTANA_COORDINATOR));

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(json(response).path("code").asText()).isEqualTo("forbidden");
    }
}
