package kz.senim.referral.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.body;
import static kz.senim.testing.StaffEvents.header;
import static kz.senim.testing.StaffEvents.headers;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.directory.ServiceType;
import kz.senim.referral.ReferToService;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralRequest;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeReferralStatusHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-referral-status.json";

    private final CaseWorld world = new CaseWorld();
    private final ChangeReferralStatusHandler handler = new ChangeReferralStatusHandler(world.changeReferralStatus());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }
    private Referral referral;

    @BeforeEach
    void referred() {
        CaseFile file = world.stored(world.caseIn(Submissions.victimInAlmaty(), CaseStatus.IN_PROGRESS,
                Set.of("kz-75-commission"), world.clock.instant()));
        referral = ((ReferToService.Outcome.Referred) world.referToService().refer(ALMATY_COORDINATOR,
                file.reference().value(), new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, true,
                        world.today().plusDays(5)))).referral();
    }

    private APIGatewayV2HTTPResponse change(Caller caller, String referralId, String ifMatch, String json) {
        APIGatewayV2HTTPEvent event = path(as(StaffEvents.load(FIXTURE), caller), "referralId", referralId,
                "/v1/referrals/" + referralId + "/status");
        return handle(header(body(event, json), "If-Match", ifMatch), null);
    }

    private APIGatewayV2HTTPResponse change(Caller caller, String ifMatch, String json) {
        return change(caller, referral.id().value(), ifMatch, json);
    }

    @Test
    void the_provider_accepts_and_gets_the_referral_with_its_new_etag() {
        APIGatewayV2HTTPResponse response = change(MIGRANT_NGO_RESPONDER, "\"1\"", "{\"to\":\"accepted\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(headers(response)).containsEntry("ETag", "\"2\"");
        assertThat(json(response).path("status").asText()).isEqualTo("accepted");
        assertThat(json(response).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void a_coordinator_revokes_with_a_reason_then_closes() {
        APIGatewayV2HTTPResponse revoked = change(ALMATY_COORDINATOR, "\"1\"",
                "{\"to\":\"revoked\",\"reason\":\"Person moved to Astana.\"}");
        APIGatewayV2HTTPResponse closed = change(ALMATY_COORDINATOR, "\"2\"", "{\"to\":\"closed\"}");

        assertThat(json(revoked).path("status").asText()).isEqualTo("revoked");
        assertThat(json(revoked).path("reason").asText()).isEqualTo("Person moved to Astana.");
        assertThat(json(closed).path("status").asText()).isEqualTo("revoked");
        assertThat(json(closed).path("closed").asBoolean()).isTrue();
        assertThat(json(closed).path("closedAt").asText()).isNotEmpty();
    }

    @Test
    void the_wrong_party_is_403_the_wrong_step_409_referral_transition_a_stale_version_409_version_conflict() {
        APIGatewayV2HTTPResponse wrongParty = change(ALMATY_COORDINATOR, "\"1\"", "{\"to\":\"accepted\"}");
        APIGatewayV2HTTPResponse wrongStep = change(MIGRANT_NGO_RESPONDER, "\"1\"", "{\"to\":\"done\"}");
        APIGatewayV2HTTPResponse stale = change(MIGRANT_NGO_RESPONDER, "\"9\"", "{\"to\":\"accepted\"}");

        assertThat(wrongParty.getStatusCode()).isEqualTo(403);
        assertThat(wrongStep.getStatusCode()).isEqualTo(409);
        assertThat(json(wrongStep).path("code").asText()).isEqualTo("referral_transition");
        assertThat(json(wrongStep).path("detail").asText())
                .isEqualTo("Направление сейчас нельзя перевести в этот статус.");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(json(stale).path("code").asText()).isEqualTo("version_conflict");
        assertThat(world.current(referral)).isEqualTo(referral);
    }

    @Test
    void rejecting_without_a_reason_and_an_unknown_target_are_400() {
        APIGatewayV2HTTPResponse noReason = change(MIGRANT_NGO_RESPONDER, "\"1\"", "{\"to\":\"rejected\"}");
        APIGatewayV2HTTPResponse unknown = change(MIGRANT_NGO_RESPONDER, "\"1\"", "{\"to\":\"in_progress\"}");
        APIGatewayV2HTTPResponse noIfMatch = change(MIGRANT_NGO_RESPONDER, null, "{\"to\":\"accepted\"}");

        assertThat(noReason.getStatusCode()).isEqualTo(400);
        assertThat(json(noReason).path("field").asText()).isEqualTo("reason");
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(json(unknown).path("field").asText()).isEqualTo("to");
        assertThat(noIfMatch.getStatusCode()).isEqualTo(400);
        assertThat(json(noIfMatch).path("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void unknown_and_unseen_referrals_get_the_same_404_and_no_claims_401() {
        APIGatewayV2HTTPResponse unseen = change(ASTANA_COORDINATOR, "\"1\"", "{\"to\":\"closed\"}");
        APIGatewayV2HTTPResponse unknown = change(ALMATY_COORDINATOR, referral.reference().value() + ".R0000",
                "\"1\"", "{\"to\":\"closed\"}");
        APIGatewayV2HTTPEvent anonymous = anonymous(StaffEvents.load(FIXTURE));

        assertThat(unseen.getStatusCode()).isEqualTo(404);
        assertThat(json(unseen).path("detail").asText())
                .isEqualTo("Направление с таким идентификатором не найдено.");
        assertThat(unknown.getBody()).isEqualTo(unseen.getBody());
        assertThat(handle(anonymous, null).getStatusCode()).isEqualTo(401);
    }
}
