package kz.senim.messaging.api;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static kz.senim.messaging.api.MessagingEvents.body;
import static kz.senim.messaging.api.MessagingEvents.header;
import static kz.senim.messaging.api.MessagingEvents.headers;
import static kz.senim.messaging.api.MessagingEvents.query;
import static kz.senim.messaging.api.MessagingEvents.reporterRead;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kz.senim.cases.CaseStatus;
import kz.senim.messaging.ConversationFixture;
import kz.senim.messaging.MessageKind;
import kz.senim.messaging.MessageText;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;

class ReporterMessagesHandlerTest {

    private final ConversationFixture world = new ConversationFixture();
    private final ReporterMessagesHandler handler = new ReporterMessagesHandler(world.readReporterMessages);
    private final ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

    private String wrongReceipt() {
        return reported.receipt().value().equals("0000-0000-0000-0000-0000") ? "1111-1111-1111-1111-1111"
                : "0000-0000-0000-0000-0000";
    }

    @Test
    void the_reporter_sees_the_status_in_the_reports_language_and_a_responders_question() {
        world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.QUESTION,
                new MessageText("Где вы сейчас?"));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(reporterRead(reported.reference().value(), reported.receipt().value()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode answer = body(response);
        assertThat(answer.path("reference").asText()).isEqualTo(reported.reference().value());
        assertThat(answer.path("status").asText()).isEqualTo("in_progress");
        assertThat(answer.path("statusText").asText()).isEqualTo("Специалисты работают по вашему сообщению.");
        assertThat(answer.path("messages")).singleElement().satisfies(message -> {
            assertThat(message.path("from").asText()).isEqualTo("responder");
            assertThat(message.path("kind").asText()).isEqualTo("question");
            assertThat(message.path("text").asText()).isEqualTo("Где вы сейчас?");
            assertThat(message.path("at").asText()).isEqualTo("2026-11-23T12:00:00.000Z");
            assertThat(message.path("messageId").asText()).matches("M[0-9A-Z]{16}");
            assertThat(message.size()).isEqualTo(5);
        });
        assertThat(headers(response)).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void nothing_internal_reaches_the_reporter() {
        world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.UPDATE,
                new MessageText("We found a shelter place."));

        APIGatewayV2HTTPResponse response = handler.handleRequest(reporterRead(reported.reference().value(),
                reported.receipt().value()), null);
        String answer = response.getBody();

        // The answer is the conversation, the update included, and nothing about who wrote it.
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(answer).contains("We found a shelter place.", reported.reference().value());
        assertThat(body(response).path("messages").findValuesAsText("from")).containsOnly("responder");
        assertThat(world.audit.entries(reported.reference()).toString()).as("the store knows who wrote")
                .contains(ALMATY_RESPONDER.personId());
        assertThat(answer).doesNotContain(ALMATY_RESPONDER.personId(), ALMATY_RESPONDER.organisationId(),
                "commission", "audit", "role", "person");
    }

    @Test
    void lang_chooses_the_language_of_the_status_text() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(query(reporterRead(reported.reference().value(),
                reported.receipt().value()), "lang", "uz"), null);

        assertThat(body(response).path("statusText").asText())
                .isEqualTo("Mutaxassislar xabaringiz bo‘yicha ishlamoqda.");
    }

    @Test
    void a_wrong_receipt_and_an_unknown_reference_get_byte_identical_answers() {
        APIGatewayV2HTTPResponse wrongReceipt =
                handler.handleRequest(reporterRead(reported.reference().value(), wrongReceipt()), null);
        APIGatewayV2HTTPResponse unknownReference =
                handler.handleRequest(reporterRead("SN-0000-0000-0000", reported.receipt().value()), null);
        APIGatewayV2HTTPResponse malformedReference =
                handler.handleRequest(reporterRead("SN-NOT-A-REF", reported.receipt().value()), null);

        assertThat(wrongReceipt.getStatusCode()).isEqualTo(404);
        assertThat(unknownReference.getBody()).isEqualTo(wrongReceipt.getBody());
        assertThat(unknownReference.getHeaders()).isEqualTo(wrongReceipt.getHeaders());
        assertThat(malformedReference.getBody()).isEqualTo(wrongReceipt.getBody());
        assertThat(body(wrongReceipt).path("detail").asText())
                .isEqualTo("Bu raqam va kvitansiyaga mos xabar topilmadi.");
        assertThat(world.audit.entries(reported.reference())).isEmpty();
        assertThat(handler.handleRequest(reporterRead(reported.reference().value(), reported.receipt().value()),
                null).getStatusCode()).as("with the receipt").isEqualTo(200);
        assertThat(world.audit.actions(reported.reference())).as("the right receipt is audited")
                .containsExactly("messages_read_by_reporter");
    }

    @Test
    void a_successful_read_is_audited_as_the_reporter() {
        handler.handleRequest(reporterRead(reported.reference().value(), reported.receipt().value()), null);

        assertThat(world.audit.actions(reported.reference())).containsExactly("messages_read_by_reporter");
    }

    @Test
    void a_missing_receipt_a_long_receipt_and_a_long_reference_are_refused_naming_them() {
        APIGatewayV2HTTPResponse missing = handler.handleRequest(header(reporterRead(reported.reference().value(),
                "x"), "X-Receipt", null), null);
        APIGatewayV2HTTPResponse longReceipt = handler.handleRequest(reporterRead(reported.reference().value(),
                "A".repeat(65)), null);
        APIGatewayV2HTTPResponse longReference = handler.handleRequest(reporterRead("SN-" + "A".repeat(30),
                reported.receipt().value()), null);

        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(body(missing).path("field").asText()).isEqualTo("X-Receipt");
        assertThat(longReceipt.getStatusCode()).isEqualTo(400);
        assertThat(body(longReceipt).path("field").asText()).isEqualTo("X-Receipt");
        assertThat(longReference.getStatusCode()).isEqualTo(400);
        assertThat(body(longReference).path("field").asText()).isEqualTo("reference");
    }
}
