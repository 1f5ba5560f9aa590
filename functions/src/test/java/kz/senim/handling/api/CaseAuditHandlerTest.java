package kz.senim.handling.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.header;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import kz.senim.access.Caller;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.ClosingOutcome;
import kz.senim.directory.ServiceType;
import kz.senim.handling.CaseTransition;
import kz.senim.referral.ReferToService;
import kz.senim.referral.ReferralRequest;
import kz.senim.referral.ReferralStatusChange;
import kz.senim.referral.ReferralTransition;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class CaseAuditHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-case-audit.json";

    private final CaseWorld world = new CaseWorld();
    private final CaseAuditHandler handler = new CaseAuditHandler(world.readCaseAudit());

    /** The handler's answer, checked against the contract. */
    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return StaffEvents.conforming(event, handler.handleRequest(event, context));
    }

    private APIGatewayV2HTTPResponse audit(Caller caller, CaseFile file) {
        String reference = file.reference().value();
        APIGatewayV2HTTPEvent event = as(StaffEvents.load(FIXTURE), caller);
        return handle(path(event, "reference", reference, "/v1/cases/" + reference + "/audit"), null);
    }

    @Test
    void a_coordinator_reads_every_read_and_change_with_who_what_when_and_no_narrative() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        String reason = "Reporter wrote again from the Райымбек hostel";
        world.readCase().read(ALMATY_RESPONDER, file.reference().value());
        world.changeCaseStatus().change(ALMATY_RESPONDER, file.reference().value(), 1, CaseTransition.startWork());
        ReferToService.Outcome.Referred referred = (ReferToService.Outcome.Referred) world.referToService().refer(
                ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-shelter-almaty", ServiceType.SHELTER, true, world.today().plusDays(3)));
        String referral = referred.referral().id().value();
        world.changeReferralStatus().change(CaseWorld.SHELTER_RESPONDER, referral, 1,
                ReferralStatusChange.to(ReferralTransition.REJECTED, "Full: " + reason));
        world.changeReferralStatus().change(ALMATY_COORDINATOR, referral, 2,
                ReferralStatusChange.to(ReferralTransition.CLOSED));
        world.assignCase().assign(ALMATY_COORDINATOR, file.reference().value(), 3,
                new kz.senim.people.PersonId("person-aigerim"));
        world.changeCaseStatus().change(ALMATY_COORDINATOR, file.reference().value(), 4,
                CaseTransition.close(ClosingOutcome.ASSISTED));
        world.changeCaseStatus().change(NATIONAL_COORDINATOR, file.reference().value(), 5,
                CaseTransition.reopen(reason));
        world.clock.advance(Duration.ofMinutes(1));

        APIGatewayV2HTTPResponse response = audit(ALMATY_COORDINATOR, file);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("reference").asText()).isEqualTo(file.reference().value());
        assertThat(body.path("entries").findValuesAsText("action")).containsExactly("case_read",
                "case_work_started", "referral_created", "referral_rejected", "referral_closed", "case_assigned",
                "case_closed", "case_reopened", "audit_read");
        JsonNode read = body.path("entries").get(0);
        assertThat(read.path("actor").path("type").asText()).isEqualTo("person");
        assertThat(read.path("actor").path("personId").asText()).isEqualTo("person-aigerim");
        assertThat(read.path("actor").path("organisationId").asText()).isEqualTo("kz-75-commission");
        assertThat(read.path("actor").path("organisationName").asText())
                .isEqualTo("Региональная комиссия по противодействию торговле людьми (Алматы)");
        assertThat(read.path("actor").path("role").asText()).isEqualTo("responder");
        assertThat(read.path("at").asText()).isNotEmpty();
        JsonNode created = body.path("entries").get(2);
        assertThat(created.path("details").path("referralId").asText()).isEqualTo(referral);
        assertThat(created.path("details").path("consent").asText()).isEqualTo("given");
        assertThat(response.getBody()).doesNotContain(Submissions.narrative(file.submission()))
                .doesNotContain("Bazaar").doesNotContain("Райымбек").doesNotContain("hostel");
    }

    @Test
    void entries_by_people_without_a_sign_in_show_only_what_they_are() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        world.audit.record(AuditEntry.of(file.reference(), world.clock.instant(), new Actor.Reporter(),
                "reporter_replied"));
        world.audit.record(AuditEntry.of(file.reference(), world.clock.instant(),
                new Actor.LinkHolder("ngo-shelter-almaty"), "alert_acknowledged"));
        world.audit.record(AuditEntry.of(file.reference(), world.clock.instant(), new Actor.System("escalation"),
                "alert_escalated"));

        JsonNode entries = json(audit(NATIONAL_COORDINATOR, file)).path("entries");

        assertThat(entries.get(0).path("actor").toString()).isEqualTo("{\"type\":\"reporter\"}");
        assertThat(entries.get(1).path("actor").path("type").asText()).isEqualTo("link");
        assertThat(entries.get(1).path("actor").path("organisationId").asText()).isEqualTo("ngo-shelter-almaty");
        assertThat(entries.get(2).path("actor").path("component").asText()).isEqualTo("escalation");
    }

    @Test
    void actors_organisations_are_named_in_the_callers_language_and_an_unknown_one_stands_alone() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        world.audit.record(AuditEntry.of(file.reference(), world.clock.instant(),
                new Actor.LinkHolder("ngo-shelter-almaty"), "alert_acknowledged"));
        world.audit.record(AuditEntry.of(file.reference(), world.clock.instant(),
                new Actor.Person("person-timur", "ngo-closed-in-2025", "responder"), "case_read"));
        APIGatewayV2HTTPEvent event = as(StaffEvents.load(FIXTURE), NATIONAL_COORDINATOR);
        header(event, "Accept-Language", "kk");

        JsonNode entries = json(handle(path(event, "reference", file.reference().value(),
                "/v1/cases/" + file.reference().value() + "/audit"), null)).path("entries");

        JsonNode link = entries.get(0).path("actor");
        assertThat(link.path("organisationId").asText()).isEqualTo("ngo-shelter-almaty");
        assertThat(link.path("organisationName").asText())
                .isEqualTo("Адам саудасынан зардап шеккендерге арналған ҮЕҰ баспанасы, Алматы");
        JsonNode unknown = entries.get(1).path("actor");
        assertThat(unknown.path("organisationId").asText()).isEqualTo("ngo-closed-in-2025");
        assertThat(unknown.has("organisationName")).isFalse();
        JsonNode national = entries.get(2).path("actor");
        assertThat(national.path("organisationName").asText())
                .isEqualTo("Адам саудасына қарсы іс-қимыл жөніндегі ведомствоаралық комиссияның хатшылығы");
    }

    @Test
    void responders_get_403_coordinators_out_of_scope_404_and_no_claims_401() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        APIGatewayV2HTTPEvent anonymous = anonymous(StaffEvents.load(FIXTURE));
        path(anonymous, "reference", file.reference().value(), "/v1/cases/" + file.reference() + "/audit");

        assertThat(audit(ALMATY_RESPONDER, file).getStatusCode()).isEqualTo(403);
        assertThat(audit(ASTANA_COORDINATOR, file).getStatusCode()).isEqualTo(404);
        assertThat(json(audit(ASTANA_COORDINATOR, file)).path("code").asText()).isEqualTo("not_found");
        assertThat(handle(anonymous, null).getStatusCode()).isEqualTo(401);
        assertThat(world.auditActions(file)).isEmpty();
        assertThat(audit(ALMATY_COORDINATOR, file).getStatusCode()).as("the case's coordinator").isEqualTo(200);
        assertThat(world.auditActions(file)).containsExactly("audit_read");
    }
    @Test
    void a_long_trail_answers_its_latest_entries_up_to_the_contracts_bound_ending_with_this_read() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        for (int i = 0; i < CaseAuditHandler.MAX_ENTRIES + 10; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            world.readCase().read(ALMATY_RESPONDER, file.reference().value());
        }
        world.clock.advance(Duration.ofSeconds(1));

        APIGatewayV2HTTPResponse response = audit(ALMATY_COORDINATOR, file);

        JsonNode entries = json(response).path("entries");
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(entries).hasSize(CaseAuditHandler.MAX_ENTRIES);
        assertThat(entries.path(CaseAuditHandler.MAX_ENTRIES - 1).path("action").asText()).isEqualTo("audit_read");
        assertThat(entries.path(0).path("action").asText()).isEqualTo("case_read");
        assertThat(world.audit.entries(file.reference())).as("the trail keeps every entry")
                .hasSizeGreaterThan(CaseAuditHandler.MAX_ENTRIES + 10);
    }
}
