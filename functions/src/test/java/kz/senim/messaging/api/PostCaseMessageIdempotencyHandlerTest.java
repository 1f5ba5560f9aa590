package kz.senim.messaging.api;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static kz.senim.messaging.api.MessagingEvents.body;
import static kz.senim.messaging.api.MessagingEvents.header;
import static kz.senim.messaging.api.MessagingEvents.headers;
import static kz.senim.messaging.api.MessagingEvents.message;
import static kz.senim.messaging.api.MessagingEvents.responder;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kz.senim.cases.CaseStatus;
import kz.senim.messaging.ConversationFixture;
import kz.senim.testing.ReportedCases.ReportedCase;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/cases/{reference}/messages} with an optional {@code Idempotency-Key}. */
class PostCaseMessageIdempotencyHandlerTest {

    private static final String QUESTION = "Are you safe now? Can you tell us the street of the site?";

    private final ConversationFixture world = new ConversationFixture();
    private final PostCaseMessageHandler handler = new PostCaseMessageHandler(world.postCaseMessage);
    private final ReportedCase reported = world.reportedCase(CaseStatus.ACKNOWLEDGED);

    private APIGatewayV2HTTPResponse post(String key, String text) {
        APIGatewayV2HTTPEvent event = header(responder(ALMATY_RESPONDER, reported.reference().value(),
                message(text, "question")), "Idempotency-Key", key);
        return StaffEvents.conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void a_retry_answers_the_same_201_and_body_marked_replayed_and_stores_nothing_new() {
        APIGatewayV2HTTPResponse first = post("9b2e4f71-0c6a-4d83-a5f2-7e1d3c9b0a64", QUESTION);
        world.clock.advance(java.time.Duration.ofSeconds(20));
        APIGatewayV2HTTPResponse retry = post("9b2e4f71-0c6a-4d83-a5f2-7e1d3c9b0a64", QUESTION);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(headers(first)).doesNotContainKey("Idempotent-Replayed");
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(headers(retry)).containsEntry("Idempotent-Replayed", "true")
                .containsEntry("Cache-Control", "no-store");
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.actions(reported.reference())).containsExactly("message_posted");
    }

    @Test
    void the_same_key_with_another_text_is_422_naming_the_header_in_the_callers_language() {
        post("staff-handler-key-0001", QUESTION);

        APIGatewayV2HTTPResponse reused = post("staff-handler-key-0001", "Something else.");

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(body(reused).path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(body(reused).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(body(reused).path("detail").asText())
                .isEqualTo("Этот Idempotency-Key уже использован для другого запроса. Для нового сообщения "
                        + "или направления используйте новый ключ.");
        assertThat(world.conversations.all()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has space in it 123", "ключ-ключ-ключ-ключ", ""})
    void a_malformed_key_is_400_naming_the_header_and_stores_nothing(String key) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(header(responder(ALMATY_RESPONDER,
                reported.reference().value(), message(QUESTION, "question")), "Idempotency-Key", key), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(world.conversations.all()).isEmpty();
        assertThat(post("9b2e4f71-0c6a-4d83-a5f2-7e1d3c9b0a64", QUESTION).getStatusCode()).as("a proper key")
                .isEqualTo(201);
        assertThat(world.conversations.all()).hasSize(1);
    }
}
