package kz.senim.messaging.api;

import static kz.senim.messaging.api.MessagingEvents.body;
import static kz.senim.messaging.api.MessagingEvents.header;
import static kz.senim.messaging.api.MessagingEvents.headers;
import static kz.senim.messaging.api.MessagingEvents.reporterReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.cases.CaseStatus;
import kz.senim.messaging.ConversationFixture;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReporterReplyHandlerTest {

    private static final String KEY = "3f9c2a7e-5b1d-4c8a-9e6f-0d2b4a6c8e01";
    private static final String REPLY = "{\"text\":\"Men Olmaotadaman, bozor yonidagi yotoqxonada.\"}";

    private final ConversationFixture world = new ConversationFixture();
    private final ReporterReplyHandler handler = new ReporterReplyHandler(world.replyAsReporter);
    private final ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

    private APIGatewayV2HTTPEvent reply(String key, String body) {
        return reporterReply(reported.reference().value(), reported.receipt().value(), key, body);
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private String wrongReceipt() {
        return reported.receipt().value().equals("0000-0000-0000-0000-0000") ? "1111-1111-1111-1111-1111"
                : "0000-0000-0000-0000-0000";
    }

    @Test
    void the_fixture_is_a_reply_and_is_created_with_its_message_id() {
        APIGatewayV2HTTPEvent event = MessagingEvents.load(MessagingEvents.REPORTER_REPLY);
        event.getPathParameters().put("reference", reported.reference().value());
        header(event, "X-Receipt", reported.receipt().value());

        APIGatewayV2HTTPResponse response = send(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode created = body(response);
        assertThat(created.path("messageId").asText())
                .isEqualTo(world.conversations.forCase(reported.reference()).getFirst().messageId().value());
        assertThat(created.path("at").asText()).isEqualTo("2026-11-23T12:00:00.000Z");
        assertThat(headers(response)).doesNotContainKey("Idempotent-Replayed");
    }

    @Test
    void a_retry_gets_the_same_message_id_marked_as_replayed_and_stores_nothing() {
        APIGatewayV2HTTPResponse first = send(reply(KEY, REPLY));
        world.clock.advance(Duration.ofSeconds(20));
        APIGatewayV2HTTPResponse retry = send(reply(KEY, REPLY));

        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(headers(retry)).containsEntry("Idempotent-Replayed", "true");
        assertThat(world.conversations.all()).hasSize(1);
    }

    @Test
    void eight_concurrent_retries_store_one_reply_and_all_get_its_id() throws Exception {
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            calls.add(() -> {
                start.await();
                return send(reply(KEY, REPLY));
            });
        }
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            List<Future<APIGatewayV2HTTPResponse>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(201));
        assertThat(responses.stream().map(r -> body(r).path("messageId").asText()).distinct()).hasSize(1);
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.actions(reported.reference())).containsExactly("reporter_replied");
    }

    @Test
    void the_same_key_with_another_text_is_422_idempotency_key_reused() {
        send(reply(KEY, REPLY));

        APIGatewayV2HTTPResponse response = send(reply(KEY, "{\"text\":\"Boshqa matn\"}"));

        assertThat(response.getStatusCode()).isEqualTo(422);
        JsonNode problem = body(response);
        assertThat(problem.path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(problem.path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(problem.path("detail").asText()).isEqualTo("Bu Idempotency-Key boshqa matnli javob uchun "
                + "ishlatilgan. Yangi javob uchun yangi kalitdan foydalaning.");
        assertThat(world.conversations.all()).hasSize(1);
    }

    @Test
    void a_wrong_receipt_gets_the_same_404_as_an_unknown_reference_and_stores_nothing() {
        APIGatewayV2HTTPResponse wrongReceipt =
                send(reporterReply(reported.reference().value(), wrongReceipt(), KEY, REPLY));
        APIGatewayV2HTTPResponse unknown =
                send(reporterReply("SN-0000-0000-0000", reported.receipt().value(), KEY, REPLY));

        assertThat(wrongReceipt.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).isEqualTo(wrongReceipt.getBody());
        assertThat(unknown.getHeaders()).isEqualTo(wrongReceipt.getHeaders());
        assertThat(world.conversations.all()).isEmpty();
        assertAProperReplyIsStored();
    }

    @Test
    void a_missing_or_malformed_idempotency_key_is_refused_naming_the_header() {
        APIGatewayV2HTTPResponse missing = send(reply(null, REPLY));
        APIGatewayV2HTTPResponse tooShort = send(reply("short", REPLY));

        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(body(missing).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(body(missing).path("detail").asText())
                .isEqualTo("«Idempotency-Key» sarlavhasi majburiy.");
        assertThat(tooShort.getStatusCode()).isEqualTo(400);
        assertThat(body(tooShort).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void a_missing_receipt_is_refused_naming_the_header() {
        APIGatewayV2HTTPResponse response = send(header(reply(KEY, REPLY), "X-Receipt", null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("field").asText()).isEqualTo("X-Receipt");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"text\":\"\"}",
        "{\"text\":\" \\n \"}",
        "{\"text\":\"null\\u0000byte\"}",
        "{\"text\":\"bell\\u0007\"}",
        "{}",
        "{\"text\":\"hi\",\"kind\":\"question\"}",
        "{\"text\":[\"hi\"]}"})
    void blank_text_control_characters_or_other_fields_are_refused_with_400(String body) {
        APIGatewayV2HTTPResponse response = send(reply(KEY, body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("field").asText()).isIn("text", "kind");
        assertThat(world.conversations.all()).isEmpty();
        assertAProperReplyIsStored();
    }

    @Test
    void a_text_over_2000_characters_is_refused_in_the_request_language() {
        APIGatewayV2HTTPResponse response = send(header(reply(KEY, "{\"text\":\"" + "a".repeat(2001) + "\"}"),
                "Accept-Language", "kk"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("detail").asText())
                .isEqualTo("«text» өрісі тым ұзын: ең көбі 2\u00a0000 таңба.");
    }

    @Test
    void a_reply_that_is_not_json_or_too_large_or_with_bidi_controls_is_refused_and_nothing_is_stored() {
        APIGatewayV2HTTPResponse plainText = send(header(header(reply(KEY, "{\"text\":\"Где вы?\"}"),
                "Content-Type", "text/plain; charset=utf-8"), "Accept-Language", "ru"));
        APIGatewayV2HTTPResponse tooLarge = send(reply(KEY,
                "{\"text\":\"hi\"}" + " ".repeat(MessageRequests.MAX_BODY_BYTES)));
        APIGatewayV2HTTPResponse override = send(reply(KEY, "{\"text\":\"I am at \\u202Eetoh\"}"));

        assertThat(plainText.getStatusCode()).isEqualTo(415);
        assertThat(body(plainText).path("field").asText()).isEqualTo("Content-Type");
        assertThat(body(plainText).path("detail").asText()).isEqualTo(
                "Тело запроса должно быть в формате JSON: отправьте заголовок «Content-Type» со значением"
                        + " application/json (charset utf-8 или без него).");
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(body(tooLarge).path("code").asText()).isEqualTo("body_too_large");
        assertThat(override.getStatusCode()).isEqualTo(400);
        assertThat(body(override).path("field").asText()).isEqualTo("text");
        assertThat(world.conversations.all()).isEmpty();
        assertThat(send(reply(KEY, "{\"text\":\"I am at the hotel\"}")).getStatusCode())
                .as("the same reply, as JSON and without the control").isEqualTo(201);
        assertThat(world.conversations.all()).hasSize(1);
    }

    @Test
    void a_reply_to_a_closed_case_is_accepted() {
        world.close(reported);

        assertThat(send(reply(KEY, REPLY)).getStatusCode()).isEqualTo(201);
    }

    @Test
    void when_storage_is_unavailable_the_reporter_is_told_to_retry_with_the_same_key() {
        world.conversations.unavailable(true);

        APIGatewayV2HTTPResponse response = send(reply(KEY, REPLY));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(headers(response)).containsKey("Retry-After");
        assertThat(body(response).path("detail").asText())
                .isEqualTo("Xizmat hozir band, javobingiz hali yuborilmadi. Birozdan so‘ng xuddi shu "
                        + "Idempotency-Key bilan qayta urinib ko‘ring.");
    }

    /** The positive guard of a "nothing stored": the reporter's proper reply is stored right there. */
    private void assertAProperReplyIsStored() {
        assertThat(send(reply(KEY, REPLY)).getStatusCode()).isEqualTo(201);
        assertThat(world.conversations.all()).hasSize(1);
    }
}
