package kz.senim.referral.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.directory.ServiceType;
import kz.senim.referral.ReferToService;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralRequest;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class ProviderReferralsHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-provider-referrals.json";

    private final CaseWorld world = new CaseWorld();
    private final ProviderReferralsHandler handler = new ProviderReferralsHandler(world.providerReferrals());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }

    private Referral referral(LocalDate due) {
        CaseFile file = world.stored(world.caseIn(Submissions.victimInAlmaty(), CaseStatus.IN_PROGRESS,
                Set.of("kz-75-commission"), world.clock.instant()));
        return ((ReferToService.Outcome.Referred) world.referToService().refer(ALMATY_COORDINATOR,
                file.reference().value(), new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, true,
                        due))).referral();
    }

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return handle(event, null);
    }

    @Test
    void the_provider_sees_its_in_progress_referrals_soonest_due_first_with_overdue_marked() {
        Referral later = referral(world.today().plusDays(9));
        Referral soon = referral(world.today().plusDays(1));
        world.clock.advance(Duration.ofDays(2));

        APIGatewayV2HTTPResponse response = ask(as(StaffEvents.load(FIXTURE), MIGRANT_NGO_RESPONDER));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("providerId").asText()).isEqualTo("ngo-foreign-nationals");
        assertThat(body.path("referrals").findValuesAsText("referralId"))
                .containsExactly(soon.id().value(), later.id().value());
        assertThat(body.path("referrals").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(body.path("referrals").get(1).path("overdue").asBoolean()).isFalse();
        // The list names the case (reference) but never shows what the reporter wrote.
        assertThat(response.getBody()).contains(soon.reference().value())
                .doesNotContain("narrative", Submissions.narrative(Submissions.victimInAlmaty()));
    }

    @Test
    void other_organisations_see_none_of_them() {
        Referral referral = referral(world.today().plusDays(1));

        APIGatewayV2HTTPResponse provider = ask(as(StaffEvents.load(FIXTURE), MIGRANT_NGO_RESPONDER));
        APIGatewayV2HTTPResponse other = ask(as(StaffEvents.load(FIXTURE), ALMATY_COORDINATOR));

        assertThat(provider.getStatusCode()).isEqualTo(200);
        assertThat(json(provider).path("referrals").findValuesAsText("referralId"))
                .containsExactly(referral.id().value());
        assertThat(other.getStatusCode()).isEqualTo(200);
        assertThat(json(other).path("providerId").asText()).isEqualTo(ALMATY_COORDINATOR.organisationId());
        assertThat(json(other).path("referrals")).isEmpty();
    }

    @Test
    void an_unknown_status_or_limit_is_400_and_no_claims_401() {
        APIGatewayV2HTTPResponse badStatus = ask(query(StaffEvents.load(FIXTURE), "status", "closed"));
        APIGatewayV2HTTPResponse badLimit = ask(query(StaffEvents.load(FIXTURE), "limit", "500"));

        assertThat(badStatus.getStatusCode()).isEqualTo(400);
        assertThat(json(badStatus).path("field").asText()).isEqualTo("status");
        assertThat(badLimit.getStatusCode()).isEqualTo(400);
        assertThat(json(badLimit).path("field").asText()).isEqualTo("limit");
        assertThat(ask(anonymous(StaffEvents.load(FIXTURE))).getStatusCode()).isEqualTo(401);
    }
}
