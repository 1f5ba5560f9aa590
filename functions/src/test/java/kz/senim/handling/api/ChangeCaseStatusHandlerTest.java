package kz.senim.handling.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.headers;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.path;
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

class ChangeCaseStatusHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-case-transition.json";

    private final CaseWorld world = new CaseWorld();
    private final ChangeCaseStatusHandler handler = new ChangeCaseStatusHandler(world.changeCaseStatus());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }

    private APIGatewayV2HTTPResponse transition(Caller caller, CaseFile file, long version, String json) {
        return handle(StaffEvents.caseChange(FIXTURE, caller, file.reference().value(), "transitions", json,
                "\"" + version + "\""), null);
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(headers(response).get("Content-Type")).startsWith("application/problem+json");
        assertThat(json(response).path("code").asText()).isEqualTo(code);
    }

    @Test
    void starting_work_answers_the_new_state_and_etag() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse response = transition(ALMATY_RESPONDER, file, 1, "{\"to\":\"in_progress\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(headers(response)).containsEntry("ETag", "\"2\"");
        assertThat(json(response).path("status").asText()).isEqualTo("in_progress");
    }

    @Test
    void closing_with_an_outcome_and_reopening_with_a_reason() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse closed = transition(ALMATY_COORDINATOR, file, 1,
                "{\"to\":\"closed\",\"outcome\":\"no_contact\"}");
        APIGatewayV2HTTPResponse reopened = transition(ALMATY_COORDINATOR, file, 2,
                "{\"to\":\"in_progress\",\"reason\":\"The reporter wrote again.\"}");

        assertThat(json(closed).path("status").asText()).isEqualTo("closed");
        assertThat(json(closed).path("outcome").asText()).isEqualTo("no_contact");
        assertThat(json(reopened).path("status").asText()).isEqualTo("in_progress");
        assertThat(json(reopened).path("statusReason").asText()).isEqualTo("The reporter wrote again.");
        assertThat(json(reopened).has("outcome")).isFalse();
        assertThat(headers(reopened)).containsEntry("ETag", "\"3\"");
        assertThat(world.auditActions(file)).containsExactly("case_closed", "case_reopened");
    }

    @Test
    void illegal_changes_are_409_with_the_reason_as_code_in_the_callers_language() {
        CaseFile received = world.almatyCase(CaseStatus.RECEIVED);
        CaseFile closed = world.almatyCase(CaseStatus.CLOSED);
        CaseFile referred = world.almatyCase(CaseStatus.IN_PROGRESS);
        world.shelterReferral(referred);

        APIGatewayV2HTTPResponse notAcknowledged = transition(ALMATY_RESPONDER, received, 1,
                "{\"to\":\"in_progress\"}");
        APIGatewayV2HTTPResponse closedAgain = transition(ALMATY_COORDINATOR, closed, 1,
                "{\"to\":\"closed\",\"outcome\":\"duplicate\"}");
        APIGatewayV2HTTPResponse referralsOpen = transition(ALMATY_COORDINATOR, referred, 1,
                "{\"to\":\"closed\",\"outcome\":\"assisted\"}");

        assertProblem(notAcknowledged, 409, "case_not_acknowledged");
        assertProblem(closedAgain, 409, "case_closed");
        assertProblem(referralsOpen, 409, "referrals_open");
        assertThat(json(referralsOpen).path("detail").asText())
                .isEqualTo("Перед закрытием дела закройте все его направления.");
        assertThat(json(referralsOpen).path("title").asText()).isEqualTo("Конфликт");
    }

    @Test
    void a_stale_version_is_409_version_conflict() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertProblem(transition(ALMATY_RESPONDER, file, 7, "{\"to\":\"in_progress\"}"), 409, "version_conflict");
    }

    @Test
    void closing_without_an_outcome_and_reopening_without_a_reason_are_400_naming_the_field() {
        CaseFile open = world.almatyCase(CaseStatus.IN_PROGRESS);
        CaseFile closed = world.almatyCase(CaseStatus.CLOSED);

        APIGatewayV2HTTPResponse noOutcome = transition(ALMATY_COORDINATOR, open, 1, "{\"to\":\"closed\"}");
        APIGatewayV2HTTPResponse noReason = transition(ALMATY_COORDINATOR, closed, 1, "{\"to\":\"in_progress\"}");

        assertProblem(noOutcome, 400, "missing_field");
        assertThat(json(noOutcome).path("field").asText()).isEqualTo("outcome");
        assertProblem(noReason, 400, "missing_field");
        assertThat(json(noReason).path("field").asText()).isEqualTo("reason");
    }

    @Test
    void a_transition_not_sent_as_json_is_415_one_too_large_413_and_a_reason_with_bidi_controls_400() {
        CaseFile closed = world.almatyCase(CaseStatus.CLOSED);
        String reopen = "{\"to\":\"in_progress\",\"reason\":\"The reporter wrote again\"}";
        APIGatewayV2HTTPEvent form = StaffEvents.caseChange(FIXTURE, ALMATY_COORDINATOR, closed.reference().value(),
                "transitions", reopen, "\"1\"");
        StaffEvents.header(form, "Content-Type", "application/x-www-form-urlencoded");

        APIGatewayV2HTTPResponse notJson = handle(form, null);
        APIGatewayV2HTTPResponse tooLarge = transition(ALMATY_COORDINATOR, closed, 1,
                reopen + " ".repeat(ChangeCaseStatusHandler.MAX_BODY_BYTES));
        APIGatewayV2HTTPResponse isolate = transition(ALMATY_COORDINATOR, closed, 1,
                reopen.replace("again", "\\u2067again\\u2069"));

        assertProblem(notJson, 415, "unsupported_media_type");
        assertThat(json(notJson).path("field").asText()).isEqualTo("Content-Type");
        assertProblem(tooLarge, 413, "body_too_large");
        assertProblem(isolate, 400, "invalid_field");
        assertThat(json(isolate).path("field").asText()).isEqualTo("reason");
        assertThat(world.current(closed).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(transition(ALMATY_COORDINATOR, closed, 1, reopen).getStatusCode()).as("the same, well sent")
                .isEqualTo(200);
        assertThat(world.current(closed).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void unknown_targets_and_outcomes_are_400_naming_the_field() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse badTo = transition(ALMATY_COORDINATOR, file, 1, "{\"to\":\"acknowledged\"}");
        APIGatewayV2HTTPResponse badOutcome = transition(ALMATY_COORDINATOR, file, 1,
                "{\"to\":\"closed\",\"outcome\":\"solved\"}");
        APIGatewayV2HTTPResponse longReason = transition(ALMATY_COORDINATOR, file, 1,
                "{\"to\":\"in_progress\",\"reason\":\"" + "x".repeat(501) + "\"}");

        assertProblem(badTo, 400, "invalid_field");
        assertThat(json(badTo).path("field").asText()).isEqualTo("to");
        assertThat(json(badTo).path("detail").asText()).contains("in_progress, closed");
        assertProblem(badOutcome, 400, "invalid_field");
        assertThat(json(badOutcome).path("field").asText()).isEqualTo("outcome");
        assertProblem(longReason, 400, "invalid_field");
        assertThat(json(longReason).path("field").asText()).isEqualTo("reason");
    }

    @Test
    void a_responder_closing_is_403_and_out_of_scope_is_404() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        assertProblem(transition(ALMATY_RESPONDER, file, 1, "{\"to\":\"closed\",\"outcome\":\"assisted\"}"), 403,
                "forbidden");
        assertProblem(transition(ASTANA_COORDINATOR, file, 1, "{\"to\":\"closed\",\"outcome\":\"assisted\"}"), 404,
                "not_found");
    }

    @Test
    void without_claims_it_is_401_and_nothing_changes() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        APIGatewayV2HTTPEvent event = anonymous(StaffEvents.load(FIXTURE));
        path(event, "reference", file.reference().value(), "/v1/cases/" + file.reference() + "/transitions");

        assertProblem(handle(event, null), 401, "unauthorized");
        assertThat(world.current(file)).isEqualTo(file);
    }
}
