package kz.senim.referral.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.headers;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/cases/{reference}/referrals} with an optional {@code Idempotency-Key}. */
class ReferToServiceIdempotencyHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-refer-to-service.json";

    private final CaseWorld world = new CaseWorld();
    private final ReferToServiceHandler handler = new ReferToServiceHandler(world.referToService());
    private final CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

    private APIGatewayV2HTTPEvent refer(String key, String dueDate) {
        String reference = file.reference().value();
        APIGatewayV2HTTPEvent event = path(as(StaffEvents.load(FIXTURE), ALMATY_COORDINATOR), "reference",
                reference, "/v1/cases/" + reference + "/referrals");
        StaffEvents.body(event, "{\"providerId\":\"ngo-foreign-nationals\",\"service\":\"legal\","
                + "\"consentGiven\":true,\"dueDate\":\"" + dueDate + "\"}");
        return StaffEvents.header(event, "Idempotency-Key", key);
    }

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return StaffEvents.conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void a_retry_answers_the_same_201_body_and_etag_marked_replayed_and_stores_nothing_new() {
        APIGatewayV2HTTPResponse first = ask(refer("3f1c9a2e-7b4d-4e8a-9c61-2d5f0e8b7a13", "2026-12-07"));
        world.clock.advance(java.time.Duration.ofMinutes(3));
        APIGatewayV2HTTPResponse retry = ask(refer("3f1c9a2e-7b4d-4e8a-9c61-2d5f0e8b7a13", "2026-12-07"));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(headers(first)).doesNotContainKey("Idempotent-Replayed");
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(headers(retry)).containsEntry("Idempotent-Replayed", "true").containsEntry("ETag", "\"1\"");
        assertThat(world.referrals.all()).hasSize(1);
        assertThat(world.auditActions(file)).containsExactly("referral_created");
    }

    @Test
    void the_same_key_with_another_body_is_422_and_stores_nothing() {
        ask(refer("staff-referral-key-01", "2026-12-07"));

        APIGatewayV2HTTPResponse reused = ask(refer("staff-referral-key-01", "2026-12-08"));

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(json(reused).path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(json(reused).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(json(reused).path("detail").asText())
                .isEqualTo("Этот Idempotency-Key уже использован для другого запроса. Для нового сообщения "
                        + "или направления используйте новый ключ.");
        assertThat(world.referrals.all()).hasSize(1);
        assertThat(world.auditActions(file)).containsExactly("referral_created");
    }

    @Test
    void a_malformed_key_is_400_naming_the_header_and_stores_nothing() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(refer("not a key!", "2026-12-07"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(world.referrals.all()).isEmpty();
        assertThat(handler.handleRequest(refer("3f1c9a2e-7b4d-4e8a-9c61-2d5f0e8b7a13", "2026-12-07"), null)
                .getStatusCode()).as("a proper key").isEqualTo(201);
        assertThat(world.referrals.all()).hasSize(1);
    }
}
