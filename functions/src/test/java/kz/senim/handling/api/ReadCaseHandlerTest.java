package kz.senim.handling.api;

import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.headers;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.cases.CaseAlerts.Acknowledger;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseMessages.MessageLine;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.referral.Referral;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class ReadCaseHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-read-case.json";

    private final CaseWorld world = new CaseWorld();
    private final ReadCaseHandler handler = new ReadCaseHandler(world.readCase());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }

    private APIGatewayV2HTTPResponse read(Caller caller, String reference) {
        APIGatewayV2HTTPEvent event = as(StaffEvents.load(FIXTURE), caller);
        return handle(path(event, "reference", reference, "/v1/cases/" + reference), null);
    }

    @Test
    void the_case_comes_whole_with_its_version_as_etag() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        world.alerts.add(file.reference(), new AlertLine(file.reference() + ".kz-75-commission", "kz-75-commission",
                "acknowledged", 0, file.submittedAt(), Optional.of(Instant.parse("2026-11-23T12:01:30Z")),
                Optional.of(Acknowledger.of(ALMATY_RESPONDER.actor(), "kz-75-commission"))));
        world.alerts.add(file.reference(), new AlertLine(file.reference() + ".ngo-shelter-almaty",
                "ngo-shelter-almaty", "pending", 0, file.submittedAt(), Optional.empty()));
        Referral referral = world.shelterReferral(file);
        world.messages = reference -> List.of(new MessageLine("M0123456789ABCDEF",
                Instant.parse("2026-11-23T12:05:00Z"), "to_reporter", "question", "person-aigerim", CaseText.plain("Are you safe?")));

        APIGatewayV2HTTPResponse response = read(ALMATY_RESPONDER, file.reference().value());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(headers(response)).containsEntry("ETag", "\"1\"").containsEntry("Cache-Control", "no-store");
        JsonNode body = json(response);
        assertThat(body.path("reference").asText()).isEqualTo(file.reference().value());
        assertThat(body.path("narrative").asText()).isEqualTo(Submissions.narrative(file.submission()));
        assertThat(body.path("locality").asText()).isEqualTo("Bazaar district");
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("takenBy").asText()).isEqualTo("kz-75-commission");
        assertThat(body.path("alerts")).hasSize(2);
        assertThat(body.path("alerts").get(0).path("status").asText()).isEqualTo("acknowledged");
        assertThat(body.path("alerts").get(0).path("acknowledgedAt").asText()).isEqualTo("2026-11-23T12:01:30Z");
        JsonNode acknowledgedBy = body.path("alerts").get(0).path("acknowledgedBy");
        assertThat(acknowledgedBy.path("type").asText()).isEqualTo("person");
        assertThat(acknowledgedBy.path("personId").asText()).isEqualTo(ALMATY_RESPONDER.personId());
        assertThat(acknowledgedBy.path("organisationId").asText()).isEqualTo("kz-75-commission");
        assertThat(body.path("alerts").get(1).has("acknowledgedAt")).isFalse();
        assertThat(body.path("alerts").get(1).has("acknowledgedBy")).isFalse();
        JsonNode referralJson = body.path("referrals").get(0);
        assertThat(referralJson.path("referralId").asText()).isEqualTo(referral.id().value());
        assertThat(referralJson.path("status").asText()).isEqualTo("in_progress");
        assertThat(referralJson.path("service").asText()).isEqualTo("shelter");
        assertThat(referralJson.path("overdue").asBoolean()).isFalse();
        assertThat(referralJson.path("closed").asBoolean()).isFalse();
        assertThat(body.path("messages").get(0).path("text").asText()).isEqualTo("Are you safe?");
        assertThat(body.path("openReferrals").asInt()).as("the referral was put in place, not made").isZero();
        assertThat(world.auditActions(file)).containsExactly("case_read");
    }

    @Test
    void out_of_scope_unknown_and_malformed_references_get_byte_identical_404s() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        APIGatewayV2HTTPResponse outOfScope = read(ASTANA_COORDINATOR, file.reference().value());
        APIGatewayV2HTTPResponse unknown = read(ALMATY_RESPONDER, "SN-0000-0000-0000");
        APIGatewayV2HTTPResponse malformed = read(ALMATY_RESPONDER, "SN-NOT-A-REF");

        assertThat(outOfScope.getStatusCode()).isEqualTo(404);
        assertThat(json(outOfScope).path("code").asText()).isEqualTo("not_found");
        assertThat(json(outOfScope).path("detail").asText())
                .isEqualTo("Дело с таким номером не найдено.");
        assertThat(unknown.getBody()).isEqualTo(outOfScope.getBody());
        assertThat(unknown.getHeaders()).isEqualTo(outOfScope.getHeaders());
        assertThat(malformed.getBody()).isEqualTo(outOfScope.getBody());
        assertThat(world.auditActions(file)).isEmpty();
        assertThat(read(ALMATY_RESPONDER, file.reference().value()).getStatusCode()).as("in scope").isEqualTo(200);
        assertThat(world.auditActions(file)).containsExactly("case_read");
    }

    @Test
    void without_claims_it_is_401() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        APIGatewayV2HTTPEvent event = anonymous(StaffEvents.load(FIXTURE));
        path(event, "reference", file.reference().value(), "/v1/cases/" + file.reference().value());

        assertThat(handle(event, null).getStatusCode()).isEqualTo(401);
        assertThat(world.auditActions(file)).isEmpty();
        assertThat(read(ALMATY_RESPONDER, file.reference().value()).getStatusCode()).as("signed in").isEqualTo(200);
        assertThat(world.auditActions(file)).containsExactly("case_read");
    }
}
