package kz.senim.messaging.api;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static kz.senim.messaging.ConversationFixture.ASTANA_RESPONDER;
import static kz.senim.messaging.api.MessagingEvents.body;
import static kz.senim.messaging.api.MessagingEvents.header;
import static kz.senim.messaging.api.MessagingEvents.headers;
import static kz.senim.messaging.api.MessagingEvents.message;
import static kz.senim.messaging.api.MessagingEvents.responder;
import static kz.senim.messaging.api.MessagingEvents.withoutClaims;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.i18n.Language;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.ConversationFixture;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostCaseMessageHandlerTest {

    private static final String QUESTION = "Are you safe now? Can you tell us the street of the site?";

    private final ConversationFixture world = new ConversationFixture();
    private final PostCaseMessageHandler handler = new PostCaseMessageHandler(world.postCaseMessage);
    private final ReportedCase reported = world.reportedCase(CaseStatus.ACKNOWLEDGED);

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private APIGatewayV2HTTPEvent question(String text) {
        return responder(ALMATY_RESPONDER, reported.reference().value(), message(text, "question"));
    }

    @Test
    void the_fixture_is_a_signed_in_responders_question_and_is_created() {
        APIGatewayV2HTTPEvent event = MessagingEvents.load(MessagingEvents.POST_CASE_MESSAGE);
        event.getPathParameters().put("reference", reported.reference().value());

        APIGatewayV2HTTPResponse response = post(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode created = body(response);
        CaseMessage stored = world.conversations.forCase(reported.reference()).getFirst();
        assertThat(created.path("messageId").asText()).isEqualTo(stored.messageId().value());
        assertThat(created.path("at").asText()).isEqualTo("2026-11-23T12:00:00.000Z");
        assertThat(created.size()).isEqualTo(2);
        assertThat(stored.text()).isEqualTo(CaseText.plain(QUESTION));
        assertThat(headers(response)).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void without_a_verified_caller_the_answer_is_401_and_nothing_is_stored() {
        APIGatewayV2HTTPResponse response = post(withoutClaims(question(QUESTION)));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(body(response).path("code").asText()).isEqualTo("unauthorized");
        assertThat(world.conversations.all()).isEmpty();
        assertAProperQuestionIsStored();
    }

    @Test
    void a_responder_of_another_organisation_gets_the_same_404_as_for_an_unknown_case() {
        APIGatewayV2HTTPResponse outOfScope = post(responder(ASTANA_RESPONDER, reported.reference().value(),
                message(QUESTION, "question")));
        APIGatewayV2HTTPResponse unknown = post(responder(ASTANA_RESPONDER, "SN-0000-0000-0000",
                message(QUESTION, "question")));

        assertThat(outOfScope.getStatusCode()).isEqualTo(404);
        assertThat(outOfScope.getBody()).isEqualTo(unknown.getBody());
        assertThat(body(outOfScope).path("code").asText()).isEqualTo("not_found");
        assertThat(world.conversations.all()).isEmpty();
        assertAProperQuestionIsStored();
    }

    @Test
    void a_closed_case_answers_409_case_closed() {
        world.close(reported);

        APIGatewayV2HTTPResponse response = post(question(QUESTION));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(body(response).path("code").asText()).isEqualTo("case_closed");
        assertThat(body(response).path("detail").asText())
                .isEqualTo("Дело закрыто. Сначала откройте его снова.");
    }

    @Test
    void a_text_over_2000_characters_is_refused_naming_the_field_in_the_callers_language() {
        APIGatewayV2HTTPResponse response = post(question("ж".repeat(2001)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(problem.path("field").asText()).isEqualTo("text");
        assertThat(problem.path("detail").asText()).isEqualTo(
                "Поле «text» слишком длинное: не более 2\u00a0000 символов.");
        assertThat(headers(response)).containsEntry("Content-Language", "ru");
    }

    @Test
    void without_accept_language_problems_are_in_english() {
        APIGatewayV2HTTPResponse response = post(header(question("   "), "Accept-Language", null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("detail").asText())
                .isEqualTo("The field 'text' must not be empty.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "  \n\t ", "line\u0000break", "esc\u001B[31m", "del\u007F", "replacement \uFFFD char", "c1 \u0085 control"})
    void blank_text_or_control_characters_are_refused_naming_the_text(String text) {
        APIGatewayV2HTTPResponse response = post(question(text));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("field").asText()).isEqualTo("text");
        assertThat(world.conversations.all()).isEmpty();
        assertAProperQuestionIsStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"text\":\"hi\"}",
        "{\"text\":\"hi\",\"kind\":\"reply\"}",
        "{\"text\":\"hi\",\"kind\":\"QUESTION\"}",
        "{\"text\":\"hi\",\"kind\":\"question\",\"author\":\"someone\"}",
        "{\"text\":42,\"kind\":\"question\"}",
        "{\"kind\":\"question\"}",
        "not json",
        "[\"text\"]"})
    void a_body_that_breaks_the_contract_is_refused_with_400(String body) {
        APIGatewayV2HTTPResponse response = post(responder(ALMATY_RESPONDER, reported.reference().value(), body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("field").asText()).isIn("text", "kind", "author", "body");
        assertThat(world.conversations.all()).isEmpty();
        assertAProperQuestionIsStored();
    }

    @Test
    void an_update_is_accepted_too() {
        APIGatewayV2HTTPResponse response = post(responder(ALMATY_RESPONDER, reported.reference().value(),
                message("A shelter place is ready.", "update")));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(world.conversations.all().getFirst().kind().code()).isEqualTo("update");
    }

    @Test
    void when_storage_is_unavailable_the_caller_is_told_to_retry_without_any_detail() {
        world.conversations.unavailable(true);

        APIGatewayV2HTTPResponse response = post(question(QUESTION));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(headers(response)).containsKey("Retry-After");
        assertThat(response.getBody()).doesNotContain("test: storage unavailable").doesNotContain(QUESTION);
    }

    /** The positive guard of a "nothing stored": the in-scope responder's proper question is stored right there. */
    private void assertAProperQuestionIsStored() {
        assertThat(post(question(QUESTION)).getStatusCode()).isEqualTo(201);
        assertThat(world.conversations.all()).hasSize(1);
    }
}
