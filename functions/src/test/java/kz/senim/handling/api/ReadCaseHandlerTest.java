package kz.senim.handling.api;

import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.StaffEvents.anonymous;
import static kz.senim.testing.StaffEvents.as;
import static kz.senim.testing.StaffEvents.header;
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
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.cases.CaseAlerts.Acknowledger;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseMessages.MessageLine;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.directory.ServiceType;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class ReadCaseHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-read-case.json";
    /** The seeded directory's names; the fixture asks for Russian. */
    private static final String ALMATY_COMMISSION_RU = "Региональная комиссия по противодействию торговле людьми (Алматы)";
    private static final String SHELTER_RU = "Приют НПО для пострадавших от торговли людьми, Алматы";
    private static final String ALMATY_COMMISSION_KK = "Адам саудасына қарсы іс-қимыл жөніндегі өңірлік комиссия (Алматы)";
    private static final String SHELTER_KK = "Адам саудасынан зардап шеккендерге арналған ҮЕҰ баспанасы, Алматы";
    /** An organisation the directory no longer has. */
    private static final String GONE = "ngo-closed-in-2025";

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
        assertThat(body.path("takenByName").asText()).isEqualTo(ALMATY_COMMISSION_RU);
        assertThat(body.path("alerts")).hasSize(2);
        assertThat(body.path("alerts")).extracting(a -> a.path("organisationName").asText())
                .containsExactly(ALMATY_COMMISSION_RU, SHELTER_RU);
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
        assertThat(referralJson.path("providerId").asText()).isEqualTo("ngo-shelter-almaty");
        assertThat(referralJson.path("providerName").asText()).isEqualTo(SHELTER_RU);
        assertThat(referralJson.path("status").asText()).isEqualTo("in_progress");
        assertThat(referralJson.path("service").asText()).isEqualTo("shelter");
        assertThat(referralJson.path("overdue").asBoolean()).isFalse();
        assertThat(referralJson.path("closed").asBoolean()).isFalse();
        assertThat(body.path("messages").get(0).path("text").asText()).isEqualTo("Are you safe?");
        assertThat(body.path("openReferrals").asInt()).as("the referral was put in place, not made").isZero();
        assertThat(world.auditActions(file)).containsExactly("case_read");
    }

    @Test
    void organisations_are_named_in_the_callers_language_and_an_id_the_directory_does_not_know_stands_alone() {
        CaseFile received = world.caseIn(Submissions.victimInAlmaty(), CaseStatus.ACKNOWLEDGED,
                Set.of("kz-75-commission", GONE), world.clock.instant());
        CaseFile file = world.stored(new CaseFile(received.reference(), received.submission(), received.severity(),
                received.status(), received.version(), Optional.of(GONE), Optional.empty(),
                received.involvedOrganisations(), Optional.empty(), Optional.empty(), received.submittedAt(),
                received.updatedAt()));
        for (String organisation : List.of("kz-75-commission", GONE)) {
            world.alerts.add(file.reference(), new AlertLine(file.reference() + "." + organisation, organisation,
                    "pending", 0, file.submittedAt(), Optional.empty()));
        }
        world.shelterReferral(file);
        world.referrals.add(Referral.create(ReferralId.random(file.reference(), world.random), GONE,
                ServiceType.LEGAL, world.today().plusDays(3), world.clock.instant()));

        APIGatewayV2HTTPEvent event = as(StaffEvents.load(FIXTURE), ALMATY_RESPONDER);
        header(event, "Accept-Language", "kk-KZ,kk;q=0.9,ru;q=0.8");
        APIGatewayV2HTTPResponse response = handle(path(event, "reference", file.reference().value(),
                "/v1/cases/" + file.reference().value()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("takenBy").asText()).isEqualTo(GONE);
        assertThat(body.has("takenByName")).isFalse();
        JsonNode commission = body.path("alerts").get(0);
        assertThat(commission.path("organisationName").asText()).isEqualTo(ALMATY_COMMISSION_KK);
        JsonNode gone = body.path("alerts").get(1);
        assertThat(gone.path("organisationId").asText()).isEqualTo(GONE);
        assertThat(gone.has("organisationName")).isFalse();
        assertThat(body.path("referrals")).hasSize(2);
        assertThat(body.path("referrals")).filteredOn(r -> r.path("providerId").asText().equals("ngo-shelter-almaty"))
                .singleElement().satisfies(r -> assertThat(r.path("providerName").asText()).isEqualTo(SHELTER_KK));
        assertThat(body.path("referrals")).filteredOn(r -> r.path("providerId").asText().equals(GONE))
                .singleElement().satisfies(r -> assertThat(r.has("providerName")).isFalse());
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
