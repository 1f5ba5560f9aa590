package kz.senim.referral.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.body;
import static kz.senim.testing.StaffEvents.headers;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kz.senim.access.Caller;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferToServiceHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-refer-to-service.json";

    private final CaseWorld world = new CaseWorld();
    private final ReferToServiceHandler handler = new ReferToServiceHandler(world.referToService());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }

    private APIGatewayV2HTTPEvent refer(Caller caller, CaseFile file) {
        String reference = file.reference().value();
        return path(as(StaffEvents.load(FIXTURE), caller), "reference", reference,
                "/v1/cases/" + reference + "/referrals");
    }

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return handle(event, null);
    }

    private String request(String providerId, String service, String consent, String dueDate) {
        return "{\"providerId\":\"" + providerId + "\",\"service\":\"" + service + "\",\"consentGiven\":" + consent
                + ",\"dueDate\":\"" + dueDate + "\"}";
    }

    @Test
    void the_fixtures_request_creates_a_referral_answered_201_with_its_etag() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse response = ask(refer(ALMATY_COORDINATOR, file));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(headers(response)).containsEntry("ETag", "\"1\"");
        JsonNode referral = json(response);
        assertThat(referral.path("referralId").asText()).startsWith(file.reference().value() + ".R");
        assertThat(referral.path("reference").asText()).isEqualTo(file.reference().value());
        assertThat(referral.path("providerId").asText()).isEqualTo("ngo-foreign-nationals");
        assertThat(referral.path("service").asText()).isEqualTo("legal");
        assertThat(referral.path("status").asText()).isEqualTo("in_progress");
        assertThat(referral.path("dueDate").asText()).isEqualTo("2026-12-07");
        assertThat(referral.path("overdue").asBoolean()).isFalse();
        assertThat(referral.path("closed").asBoolean()).isFalse();
        assertThat(referral.path("consentGiven").asBoolean()).isTrue();
        assertThat(referral.path("consentRecordedAt").asText()).isEqualTo("2026-11-23T12:01:00Z");
        assertThat(referral.path("version").asLong()).isEqualTo(1);
        assertThat(world.current(file).referralHeldBy("ngo-foreign-nationals")).isTrue();
        assertThat(world.current(file).involvedOrganisations()).doesNotContain("ngo-foreign-nationals");
    }

    @Test
    void without_consent_it_is_409_consent_required_and_nothing_is_stored() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse response = ask(body(refer(ALMATY_COORDINATOR, file),
                request("ngo-foreign-nationals", "legal", "false", "2026-12-07")));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("code").asText()).isEqualTo("consent_required");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Для направления нужно согласие сообщившего. Нет согласия — нет направления.");
        assertThat(world.referrals.all()).isEmpty();
        assertThat(world.auditActions(file)).isEmpty();
        assertAProperReferralIsStored(file);
    }

    @Test
    void a_provider_not_offering_the_service_is_404_provider_not_found() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse response = ask(body(refer(ALMATY_COORDINATOR, file),
                request("ngo-foreign-nationals", "shelter", "true", "2026-12-07")));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).path("code").asText()).isEqualTo("not_found");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("В справочнике нет организации с таким идентификатором, оказывающей эту "
                        + "услугу.");
    }

    @Test
    void a_provider_of_another_region_is_422_provider_not_in_region_and_nothing_is_stored() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse response = ask(body(refer(ALMATY_COORDINATOR, file),
                request("ngo-shelter-shymkent", "shelter", "true", "2026-12-07")));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(json(response).path("code").asText()).isEqualTo("provider_not_in_region");
        assertThat(json(response).path("title").asText()).isEqualTo("Невозможно выполнить");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Эта организация не работает в регионе дела. Выберите организацию этого региона или"
                        + " общенациональную.");
        assertThat(world.referrals.all()).isEmpty();
        assertThat(world.auditActions(file)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22", "2027-11-24", "23.12.2026", "2026-12-32", "tomorrow"})
    void a_due_date_not_from_today_to_a_year_ahead_is_400_naming_it(String dueDate) {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse response = ask(body(refer(ALMATY_COORDINATOR, file),
                request("ngo-foreign-nationals", "legal", "true", dueDate)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("dueDate");
        assertThat(json(response).path("detail").asText())
                .isEqualTo("Поле «dueDate» должно быть датой в формате ГГГГ-ММ-ДД: от сегодняшнего дня до "
                        + "одного года вперёд.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"providerId\":\"ngo-foreign-nationals\",\"service\":\"legal\",\"consentGiven\":\"true\",\"dueDate\":\"2026-12-07\"}",
        "{\"providerId\":\"ngo-foreign-nationals\",\"service\":\"legal\",\"dueDate\":\"2026-12-07\"}",
        "{\"providerId\":\"ngo-foreign-nationals\",\"service\":\"housing\",\"consentGiven\":true,\"dueDate\":\"2026-12-07\"}",
        "{\"service\":\"legal\",\"consentGiven\":true,\"dueDate\":\"2026-12-07\"}",
        "{\"providerId\":\"ngo-foreign-nationals\",\"service\":\"legal\",\"consentGiven\":true,\"dueDate\":\"2026-12-07\",\"note\":\"x\"}"
    })
    void a_malformed_request_is_400_and_stores_nothing(String json) {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);

        APIGatewayV2HTTPResponse response = ask(body(refer(ALMATY_COORDINATOR, file), json));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isIn("consentGiven", "service", "providerId", "note");
        assertThat(world.referrals.all()).isEmpty();
        assertAProperReferralIsStored(file);
    }

    @Test
    void responders_get_403_out_of_scope_404_no_claims_401() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        APIGatewayV2HTTPEvent anonymous = anonymous(refer(ALMATY_COORDINATOR, file));

        assertThat(ask(refer(ALMATY_RESPONDER, file)).getStatusCode()).isEqualTo(403);
        assertThat(ask(refer(ASTANA_COORDINATOR, file)).getStatusCode()).isEqualTo(404);
        assertThat(json(ask(refer(ASTANA_COORDINATOR, file))).path("detail").asText())
                .isEqualTo("Дело с таким номером не найдено.");
        assertThat(ask(anonymous).getStatusCode()).isEqualTo(401);
        assertThat(world.referrals.all()).isEmpty();
        assertAProperReferralIsStored(file);
    }

    /** The positive guard of a "nothing stored": the case's coordinator's proper request is stored right there. */
    private void assertAProperReferralIsStored(CaseFile file) {
        assertThat(ask(body(refer(ALMATY_COORDINATOR, file), request("ngo-foreign-nationals", "legal", "true",
                "2026-12-07"))).getStatusCode()).isEqualTo(201);
        assertThat(world.referrals.all()).hasSize(1);
        assertThat(world.auditActions(file)).containsExactly("referral_created");
    }

    @Test
    void a_closed_case_is_409_case_closed() {
        CaseFile file = world.almatyCase(CaseStatus.CLOSED);

        APIGatewayV2HTTPResponse response = ask(refer(ALMATY_COORDINATOR, file));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("code").asText()).isEqualTo("case_closed");
    }
}
