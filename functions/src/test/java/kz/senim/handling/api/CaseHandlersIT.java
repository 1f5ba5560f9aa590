package kz.senim.handling.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.body;
import static kz.senim.testing.StaffEvents.header;
import static kz.senim.testing.StaffEvents.json;
import static kz.senim.testing.StaffEvents.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import kz.senim.access.Caller;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Severity;
import kz.senim.directory.DirectoryData;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.people.RecordSignIn;
import kz.senim.referral.api.ChangeReferralStatusHandler;
import kz.senim.referral.api.ProviderReferralsHandler;
import kz.senim.referral.api.ReferToServiceHandler;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.MutableClock;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.StoredCases;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestTables;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The case-handling handlers as Lambda builds them (through {@link Wiring}), on DynamoDB Local with the seeded directory:
 * a case is opened, worked, referred, the referral followed to closed, the case closed, and the trail read.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class CaseHandlersIT {

    private final MutableClock clock = MutableClock.atNoon();
    private Wiring wiring;
    private CaseFile file;

    @BeforeEach
    void seededTablesAndACase(DynamoDbEngine engine) {
        TestTables tables = TestTables.create(engine);
        wiring = LocalWiring.against(engine, null, Map.of(Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory(), Wiring.CASE_KEYS_TABLE, tables.caseKeys()), clock);
        wiring.directorySeeder().seed(DirectoryData.seed());
        for (Caller signedIn : new Caller[] {ALMATY_RESPONDER, ALMATY_COORDINATOR, MIGRANT_NGO_RESPONDER}) {
            wiring.recordSignIn().record(new RecordSignIn.SignIn(signedIn.personId(), signedIn.organisationId(),
                    signedIn.role().code(), "Name of " + signedIn.personId()));
        }
        file = new StoredCases(engine.client(), tables.cases(), tables.caseKeys(), clock).store(
                Submissions.with(Submissions.victimInAlmaty(), false, false, false, true), CaseStatus.ACKNOWLEDGED,
                Severity.HIGH, clock.instant().minusSeconds(600), "kz-75-commission");
    }

    private static APIGatewayV2HTTPEvent forCase(String fixture, Caller caller, CaseFile file, String after) {
        String reference = file.reference().value();
        return path(as(StaffEvents.load(fixture), caller), "reference", reference, "/v1/cases/" + reference + after);
    }

    /** Each request a second after the one before, as people click: the audit trail is in time order. */
    private APIGatewayV2HTTPEvent change(APIGatewayV2HTTPEvent event, long version, String json) {
        clock.advance(Duration.ofSeconds(1));
        return header(body(event, json), "If-Match", "\"" + version + "\"");
    }

    private APIGatewayV2HTTPEvent forCase(String fixture, Caller caller, String after) {
        clock.advance(Duration.ofSeconds(1));
        return forCase(fixture, caller, file, after);
    }

    @Test
    void aCaseIsWorkedReferredFollowedAndClosedThroughTheHandlers() {
        JsonNode queue = json(new CaseQueueHandler(wiring).handleRequest(
                as(StaffEvents.load("events/apigw-v2-case-queue.json"), ALMATY_RESPONDER), null));
        assertThat(queue.path("cases").findValuesAsText("reference")).containsExactly(file.reference().value());

        APIGatewayV2HTTPResponse read = new ReadCaseHandler(wiring).handleRequest(
                forCase("events/apigw-v2-read-case.json", ALMATY_RESPONDER, ""), null);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(json(read).path("narrative").asText())
                .isEqualTo(Submissions.narrative(Submissions.victimInAlmaty()));
        assertThat(json(read).path("alerts").get(0).path("organisationId").asText()).isEqualTo("kz-75-commission");

        ChangeCaseStatusHandler transitions = new ChangeCaseStatusHandler(wiring);
        assertThat(transitions.handleRequest(change(forCase("events/apigw-v2-case-transition.json", ALMATY_RESPONDER,
                "/transitions"), 1, "{\"to\":\"in_progress\"}"), null).getStatusCode()).isEqualTo(200);
        assertThat(new AssignCaseHandler(wiring).handleRequest(change(forCase("events/apigw-v2-assign-case.json",
                ALMATY_COORDINATOR, "/assignee"), 2, "{\"personId\":\"person-aigerim\"}"), null)
                .getStatusCode()).isEqualTo(200);

        APIGatewayV2HTTPResponse referred = new ReferToServiceHandler(wiring).handleRequest(
                forCase("events/apigw-v2-refer-to-service.json", ALMATY_COORDINATOR, "/referrals"), null);
        assertThat(referred.getStatusCode()).isEqualTo(201);
        String referralId = json(referred).path("referralId").asText();
        JsonNode summary = json(new CaseQueueHandler(wiring).handleRequest(
                as(StaffEvents.load("events/apigw-v2-case-queue.json"), ALMATY_RESPONDER), null)).path("cases").get(0);
        assertThat(summary.path("openReferrals").asInt()).isEqualTo(1);
        assertThat(summary.path("nextReferralDueDate").asText()).isEqualTo(json(referred).path("dueDate").asText());
        APIGatewayV2HTTPResponse providerRead = new ReadCaseHandler(wiring).handleRequest(
                forCase("events/apigw-v2-read-case.json", MIGRANT_NGO_RESPONDER, ""), null);
        assertThat(providerRead.getStatusCode()).as("the provider opens the case while its referral is open")
                .isEqualTo(200);
        assertThat(json(providerRead).path("narrative").asText())
                .isEqualTo(Submissions.narrative(Submissions.victimInAlmaty()));
        assertThat(json(providerRead).path("alerts")).as("none of them is the provider's").isEmpty();

        APIGatewayV2HTTPResponse closeTooSoon = transitions.handleRequest(change(forCase(
                "events/apigw-v2-case-transition.json", ALMATY_COORDINATOR, "/transitions"), 4,
                "{\"to\":\"closed\",\"outcome\":\"assisted\"}"), null);
        assertThat(closeTooSoon.getStatusCode()).isEqualTo(409);
        assertThat(json(closeTooSoon).path("code").asText()).isEqualTo("referrals_open");

        JsonNode providerList = json(new ProviderReferralsHandler(wiring).handleRequest(
                StaffEvents.query(as(StaffEvents.load("events/apigw-v2-provider-referrals.json"),
                        MIGRANT_NGO_RESPONDER), "status", null), null));
        assertThat(providerList.path("referrals").findValuesAsText("referralId")).containsExactly(referralId);

        ChangeReferralStatusHandler referralStatus = new ChangeReferralStatusHandler(wiring);
        APIGatewayV2HTTPEvent accept = path(as(StaffEvents.load("events/apigw-v2-referral-status.json"),
                MIGRANT_NGO_RESPONDER), "referralId", referralId, "/v1/referrals/" + referralId + "/status");
        assertThat(referralStatus.handleRequest(change(accept, 1, "{\"to\":\"accepted\"}"), null).getStatusCode())
                .isEqualTo(200);
        assertThat(referralStatus.handleRequest(change(accept, 2, "{\"to\":\"done\"}"), null).getStatusCode())
                .isEqualTo(200);
        APIGatewayV2HTTPEvent close = path(as(StaffEvents.load("events/apigw-v2-referral-status.json"),
                ALMATY_COORDINATOR), "referralId", referralId, "/v1/referrals/" + referralId + "/status");
        assertThat(json(referralStatus.handleRequest(change(close, 3, "{\"to\":\"closed\"}"), null))
                .path("closed").asBoolean()).isTrue();
        assertThat(new ReadCaseHandler(wiring).handleRequest(
                forCase("events/apigw-v2-read-case.json", MIGRANT_NGO_RESPONDER, ""), null).getStatusCode())
                .as("not once it is closed").isEqualTo(404);

        APIGatewayV2HTTPResponse closed = transitions.handleRequest(change(forCase(
                "events/apigw-v2-case-transition.json", ALMATY_COORDINATOR, "/transitions"), 4,
                "{\"to\":\"closed\",\"outcome\":\"assisted\"}"), null);
        assertThat(closed.getStatusCode()).isEqualTo(200);
        assertThat(json(closed).path("status").asText()).isEqualTo("closed");

        APIGatewayV2HTTPResponse trail = new CaseAuditHandler(wiring).handleRequest(
                forCase("events/apigw-v2-case-audit.json", ALMATY_COORDINATOR, "/audit"), null);
        assertThat(json(trail).path("entries").findValuesAsText("action")).containsExactly("case_read",
                "case_work_started", "case_assigned", "referral_created", "case_read", "referral_accepted",
                "referral_done", "referral_closed", "case_closed", "audit_read");
        assertThat(trail.getBody()).doesNotContain(Submissions.narrative(Submissions.victimInAlmaty()));
    }
}
