package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kz.senim.cases.CaseReferrals;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call what, for every route of the template: the staff routes (those with an authorizer, read from the
 * template so that a new route cannot be left out) refuse a missing, forged, foreign or expired token at the gateway;
 * a coordinator of another region is told the case does not exist; a responder may not do a coordinator's work; only
 * the provider moves its referral on. The reporter's routes and the acknowledgement link need no token at all.
 *
 * <p>The case: a victim's report in Almaty (the commission and the Almaty shelter alerted), acknowledged by the
 * commission, referred to the shelter. Tests that change what they look at make a case of their own.
 */
class AuthorizationIT {

    private static final String AIGERIM = "aigerim.responder.almaty";
    private static final String DANA = "dana.coordinator.almaty";
    private static final String YERLAN = "yerlan.coordinator.astana";
    private static final String MADINA = "madina.responder.shelter-almaty";
    private static final String TIMUR = "timur.responder.police";
    private static final String DILNOZA = "dilnoza.responder.migrants";
    private static final String SAULE = "saule.national-coordinator.astana";
    private static final String NODIRA = "nodira.coordinator.migrants";
    /** An administrator's mistake: the national_coordinator role in Almaty's commission. */
    private static final String ARMAN = "arman.national-role.almaty";

    private static final MutableClock clock = MutableClock.startingNow();
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static SenimLocal senim;
    private static LocalApi api;
    private static String reference;
    private static String receipt;
    private static String referralId;
    private static String link;

    /** A request to one route of the template: no token yet. */
    record Call(String method, String path, Map<String, String> headers, String json) {
    }

    /** A case the calls are about, with one of its referrals. */
    record Case(String reference, String referralId) {
    }

    @BeforeAll
    static void startSenimWithACaseAndAReferral() {
        senim = SenimLocal.start(Options.forTests(), clock);
        api = new LocalApi(senim);
        JsonNode submitted = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmaty().toString()).json();
        reference = submitted.path("reference").asText();
        receipt = submitted.path("receipt").asText();
        link = URI.create(api.awaitAlerts(reference, 2).stream()
                .filter(a -> a.path("organisationId").asText().equals("kz-75-commission")).findFirst().orElseThrow()
                .path("acknowledgeUrl").asText()).getRawPath();
        assertThat(api.send("POST", "/v1/alerts/" + reference + ".kz-75-commission/acknowledgement",
                LocalApi.bearer(api.tokenFor(AIGERIM)), null).status()).isEqualTo(200);
        LocalApi.Answer referred = api.sendJson("POST", "/v1/cases/" + reference + "/referrals",
                LocalApi.bearer(api.tokenFor(DANA)), referral().toString());
        assertThat(referred.status()).isEqualTo(201);
        referralId = referred.json().path("referralId").asText();
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void everyStaffRouteRefusesAMissingForgedForeignOrExpiredTokenBeforeAnyFunctionRuns(@TempDir Path otherRunner)
            throws Exception {
        Instant now = clock.instant();
        ObjectNode valid = CraftedTokens.validClaims(now);
        String payload = valid.toString();
        RSASSASigner runnerKey = new RSASSASigner(CraftedTokens.RUNNER_KEY.getPrivate());
        ObjectNode withoutUse = valid.deepCopy();
        withoutUse.remove("token_use");
        Map<String, Optional<String>> credentials = new LinkedHashMap<>();
        credentials.put("no Authorization header", Optional.empty());
        credentials.put("not a token", Optional.of("not-a-token"));
        credentials.put("signed with another key", Optional.of(new LocalJwt(LocalJwt.ISSUER,
                LocalSecrets.jwtSigningKey(Optional.of(otherRunner)), clock).idToken(person(DANA))));
        credentials.put("tampered claims", Optional.of(withClaims(CraftedTokens.signed(valid),
                valid.deepCopy().put("custom:organisationId", "national-secretariat")
                        .put("custom:role", "national_coordinator"))));
        credentials.put("another issuer", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("iss", "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_other"))));
        credentials.put("another audience", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("aud", "another-app"))));
        credentials.put("expired", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("iat", now.minus(Duration.ofHours(2)).getEpochSecond())
                .put("exp", now.minus(Duration.ofHours(1)).getEpochSecond()))));
        credentials.put("not valid yet", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("nbf", now.plus(Duration.ofMinutes(10)).getEpochSecond()))));
        credentials.put("exp as a string", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("exp", Long.toString(now.plus(Duration.ofHours(1)).getEpochSecond())))));
        credentials.put("nbf as a string", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("nbf", Long.toString(now.minus(Duration.ofMinutes(1)).getEpochSecond())))));
        credentials.put("iat as a string", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("iat", Long.toString(now.getEpochSecond())))));
        credentials.put("a role given twice", Optional.of(CraftedTokens.signed(CraftedTokens.withSecond(valid,
                "custom:role", "\"national_coordinator\""))));
        credentials.put("an access token", Optional.of(CraftedTokens.signed(valid.deepCopy()
                .put("token_use", "access"))));
        credentials.put("no token_use", Optional.of(CraftedTokens.signed(withoutUse)));
        credentials.put("alg none", Optional.of(CraftedTokens.unsigned(valid)));
        credentials.put("HS256 keyed with the public key", Optional.of(CraftedTokens.signed(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(LocalJwt.KEY_ID).build(), payload,
                new MACSigner(CraftedTokens.RUNNER_KEY.getPublic().getEncoded()))));
        credentials.put("RS512", Optional.of(CraftedTokens.signed(
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(LocalJwt.KEY_ID).build(), payload, runnerKey)));
        credentials.put("another key id", Optional.of(CraftedTokens.signed(
                CraftedTokens.runnerHeader().keyID("senim-local-2").build(), payload, runnerKey)));
        assertThat(staffWithToken(CraftedTokens.signed(valid), staffCall("GET /v1/cases/{reference}")).status())
                .as("the hand-made token each of these changes in one thing").isEqualTo(200);
        int auditBefore = auditEntries();

        for (String route : staffRoutes()) {
            Call call = staffCall(route);
            credentials.forEach((what, authorization) -> {
                Map<String, String> headers = new LinkedHashMap<>(call.headers());
                authorization.ifPresent(token -> headers.put("Authorization", "Bearer " + token));
                LocalApi.Answer answer = api.sendUnchecked(call.method(), call.path(), withType(headers, call),
                        body(call));
                assertThat(answer.status()).as("%s with %s", route, what).isEqualTo(401);
                assertThat(answer.json()).as("%s with %s", route, what)
                        .isEqualTo(LocalApi.JSON.createObjectNode().put("message", "Unauthorized"));
            });
        }
        assertThat(auditEntries()).as("no function ran: nothing was read or changed").isEqualTo(auditBefore);
        assertThat(staff(DANA, staffCall("GET /v1/cases/{reference}")).status()).as("the same request, signed in")
                .isEqualTo(200);
    }

    @Test
    void aTokenExpiresAnHourAfterItWasIssued() {
        String token = api.tokenFor(DANA);
        Call queue = staffCall("GET /v1/cases");
        assertThat(api.get(queue.path(), LocalApi.bearer(token)).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(59));
        assertThat(api.get(queue.path(), LocalApi.bearer(token)).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        LocalApi.Answer expired = api.sendUnchecked("GET", queue.path(), LocalApi.bearer(token), null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json()).isEqualTo(LocalApi.JSON.createObjectNode().put("message", "Unauthorized"));
        assertThat(api.get(queue.path(), LocalApi.bearer(api.tokenFor(DANA))).status()).as("a new one").isEqualTo(200);
    }

    @Test
    void aCoordinatorOfAnotherRegionIsToldTheCaseDoesNotExist() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("GET /v1/cases", 403); // the region is the caller's own parameter: "not yours" reveals nothing
        expected.put("GET /v1/cases/{reference}", 404);
        expected.put("PUT /v1/cases/{reference}/assignee", 404);
        expected.put("POST /v1/cases/{reference}/transitions", 404);
        expected.put("GET /v1/cases/{reference}/audit", 404);
        expected.put("POST /v1/alerts/{alertId}/acknowledgement", 404);
        expected.put("POST /v1/cases/{reference}/referrals", 404);
        expected.put("GET /v1/referrals", 200); // their own organisation's: none of this case
        expected.put("POST /v1/referrals/{referralId}/status", 404);
        expected.put("POST /v1/cases/{reference}/messages", 404);
        expected.put("GET /v1/me", 200);
        expected.put("GET /v1/people", 403); // Almaty's people
        expected.put("GET /v1/providers", 200); // directory data
        expected.put("GET /v1/overview", 403);
        assertThat(expected.keySet()).as("every staff route").containsExactlyInAnyOrderElementsOf(staffRoutes());

        expected.forEach((route, status) -> {
            LocalApi.Answer answer = staff(YERLAN, staffCall(route));
            assertThat(answer.status()).as(route).isEqualTo(status);
            if (status == 404) {
                assertThat(answer.json().path("code").asText()).as(route).isEqualTo("not_found");
            }
            assertThat(answer.body()).as(route).doesNotContain(ReportBodies.victimInAlmaty().path("narrative").asText());
        });
        assertThat(staff(YERLAN, staffCall("GET /v1/referrals")).body()).doesNotContain(reference);
    }

    @Test
    void organisationsThatServeTheRegionButAreNotInvolvedDoNotSeeTheCase() {
        for (String person : List.of(TIMUR, DILNOZA)) {
            assertThat(staff(person, staffCall("GET /v1/cases/{reference}")).status()).as(person).isEqualTo(404);
            assertThat(staff(person, staffCall("POST /v1/cases/{reference}/messages")).status()).as(person)
                    .isEqualTo(404);
        }
        assertThat(staff(SAULE, staffCall("GET /v1/cases/{reference}")).status()).as("national coordinators see all")
                .isEqualTo(200);
        assertThat(staff(MADINA, staffCall("GET /v1/cases/{reference}")).status()).as("the shelter is involved")
                .isEqualTo(200);
    }

    @Test
    void aResponderMayNotAssignCloseReferOrReadTheAuditTrail() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("GET /v1/cases", 200);
        expected.put("GET /v1/cases/{reference}", 200);
        expected.put("PUT /v1/cases/{reference}/assignee", 403);
        expected.put("POST /v1/cases/{reference}/transitions", 403); // closing
        expected.put("GET /v1/cases/{reference}/audit", 403);
        expected.put("POST /v1/alerts/{alertId}/acknowledgement", 200);
        expected.put("POST /v1/cases/{reference}/referrals", 403);
        expected.put("GET /v1/referrals", 200);
        expected.put("POST /v1/referrals/{referralId}/status", 403); // accepting: only the provider
        expected.put("POST /v1/cases/{reference}/messages", 201);
        expected.put("GET /v1/me", 200);
        expected.put("GET /v1/people", 403); // coordinators choose assignees
        expected.put("GET /v1/providers", 200);
        expected.put("GET /v1/overview", 403);
        assertThat(expected.keySet()).as("every staff route").containsExactlyInAnyOrderElementsOf(staffRoutes());

        expected.forEach((route, status) -> {
            LocalApi.Answer answer = staff(AIGERIM, staffCall(route));
            assertThat(answer.status()).as(route).isEqualTo(status);
            if (status == 403) {
                assertThat(answer.json().path("code").asText()).as(route).isEqualTo("forbidden");
            }
        });
        assertThat(Tables.ofKind(Tables.caseItems(senim, reference), "REPORT").getFirst().get("status").s())
                .isNotEqualTo("closed");
    }

    @Test
    void onlyTheProviderAcceptsRejectsOrFinishesAReferralAndOnlyTheReferringSideRevokesOrClosesIt() {
        String status = "/v1/referrals/" + referralId + "/status";
        Map<String, String> ifMatch = Map.of("If-Match", "\"1\"");
        for (String to : List.of("accepted", "done", "rejected")) {
            String body = "rejected".equals(to) ? "{\"to\":\"rejected\",\"reason\":\"Нет мест\"}" : "{\"to\":\"" + to + "\"}";
            assertThat(staff(DANA, new Call("POST", status, ifMatch, body)).status()).as("coordinator: " + to)
                    .isEqualTo(403);
            assertThat(staff(AIGERIM, new Call("POST", status, ifMatch, body)).status()).as("responder: " + to)
                    .isEqualTo(403);
            assertThat(staff(YERLAN, new Call("POST", status, ifMatch, body)).status()).as("another region: " + to)
                    .isEqualTo(404);
        }
        for (String body : List.of("{\"to\":\"closed\"}", "{\"to\":\"revoked\",\"reason\":\"Передумала\"}")) {
            assertThat(staff(MADINA, new Call("POST", status, ifMatch, body)).status()).as("provider: " + body)
                    .isEqualTo(403);
            assertThat(staff(DILNOZA, new Call("POST", status, ifMatch, body)).status()).as("not involved: " + body)
                    .isEqualTo(404);
        }
        LocalApi.Answer shelter = staff(MADINA, staffCall("GET /v1/referrals"));
        assertThat(shelter.json().path("referrals").findValuesAsText("referralId")).contains(referralId);
        assertThat(staff(DILNOZA, staffCall("GET /v1/referrals")).body()).doesNotContain(referralId);
        assertThat(staff(DANA, staffCall("GET /v1/referrals")).body()).as("the referring side's list is its own")
                .doesNotContain(referralId);
    }

    @Test
    void aNationalCoordinatorRoleOutsideTheSecretariatIsACoordinatorOfItsOwnCommissionAndNoMore() {
        Case almaty = referredToTheShelter(ReportBodies.victimInAlmaty());
        JsonNode astanaReport = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString()).json();
        Case astana = new Case(astanaReport.path("reference").asText(), almaty.referralId());
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("GET /v1/cases", 200);
        expected.put("GET /v1/cases/{reference}", 200);
        expected.put("PUT /v1/cases/{reference}/assignee", 409); // allowed: only the If-Match is stale
        expected.put("POST /v1/cases/{reference}/transitions", 409); // likewise
        expected.put("GET /v1/cases/{reference}/audit", 200);
        expected.put("POST /v1/alerts/{alertId}/acknowledgement", 200);
        expected.put("POST /v1/cases/{reference}/referrals", 201);
        expected.put("GET /v1/referrals", 200);
        expected.put("POST /v1/referrals/{referralId}/status", 403); // accepting: only the provider
        expected.put("POST /v1/cases/{reference}/messages", 201);
        expected.put("GET /v1/me", 200);
        expected.put("GET /v1/people", 200); // his own commission's
        expected.put("GET /v1/providers", 200);
        expected.put("GET /v1/overview", 403);
        assertThat(expected.keySet()).as("every staff route").containsExactlyInAnyOrderElementsOf(staffRoutes());

        expected.forEach((route, status) -> assertThat(staff(ARMAN, staffCall(route, almaty)).status())
                .as("Almaty's case: " + route).isEqualTo(status));
        for (String route : List.of("GET /v1/cases/{reference}", "PUT /v1/cases/{reference}/assignee",
                "POST /v1/cases/{reference}/transitions", "GET /v1/cases/{reference}/audit",
                "POST /v1/cases/{reference}/referrals", "POST /v1/cases/{reference}/messages")) {
            assertThat(staff(ARMAN, staffCall(route, astana)).status()).as("Astana's case: " + route).isEqualTo(404);
        }
        assertThat(staff(ARMAN, new Call("GET", "/v1/cases?region=KZ-71", Map.of(), null)).status()).isEqualTo(403);
        assertThat(staff(ARMAN, new Call("GET", "/v1/people?organisationId=kz-71-commission", Map.of(), null))
                .status()).isEqualTo(403);
        assertThat(staff(ARMAN, new Call("POST", "/v1/alerts/" + astana.reference() + ".kz-71-commission"
                + "/acknowledgement", Map.of(), null)).status()).isEqualTo(404);
        assertThat(staff(ARMAN, staffCall("GET /v1/me")).json().path("national").asBoolean()).isFalse();
        assertThat(staff(SAULE, staffCall("GET /v1/cases/{reference}", astana)).status())
                .as("guard: the secretariat's national coordinator sees Astana's case").isEqualTo(200);
        assertThat(staff(SAULE, staffCall("GET /v1/overview")).status()).isEqualTo(200);
        assertThat(staff(SAULE, staffCall("GET /v1/me")).json().path("national").asBoolean()).isTrue();
    }

    @Test
    void aProviderOpensTheCaseWhileItsReferralIsOpenWithoutWorkingItAndNotOnceItIsClosed() {
        JsonNode submitted = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAlmaty().toString()).json();
        String tip = submitted.path("reference").asText();
        api.awaitAlerts(tip, 1);
        assertThat(api.send("POST", "/v1/alerts/" + tip + ".kz-75-commission/acknowledgement",
                LocalApi.bearer(api.tokenFor(AIGERIM)), null).status()).isEqualTo(200);
        assertThat(staff(DILNOZA, staffCall("GET /v1/cases/{reference}", new Case(tip, referralId))).status())
                .as("not referred yet").isEqualTo(404);
        LocalApi.Answer referred = staff(DANA, new Call("POST", "/v1/cases/" + tip + "/referrals", Map.of(),
                LocalApi.JSON.createObjectNode().put("providerId", "ngo-foreign-nationals").put("service", "legal")
                        .put("consentGiven", true).put("dueDate", LocalDate.ofInstant(clock.instant(),
                                CaseReferrals.ReferralLine.CALENDAR).plusDays(5).toString()).toString()));
        assertThat(referred.status()).isEqualTo(201);
        Case legal = new Case(tip, referred.json().path("referralId").asText());

        Map<String, Integer> whileOpen = new LinkedHashMap<>();
        whileOpen.put("GET /v1/cases", 200);
        whileOpen.put("GET /v1/cases/{reference}", 200);
        whileOpen.put("PUT /v1/cases/{reference}/assignee", 403); // a provider does not work the case
        whileOpen.put("POST /v1/cases/{reference}/transitions", 403);
        whileOpen.put("GET /v1/cases/{reference}/audit", 403);
        whileOpen.put("POST /v1/alerts/{alertId}/acknowledgement", 404); // the commission's alert
        whileOpen.put("POST /v1/cases/{reference}/referrals", 403);
        whileOpen.put("GET /v1/referrals", 200);
        whileOpen.put("POST /v1/referrals/{referralId}/status", 200); // accepts its own
        whileOpen.put("POST /v1/cases/{reference}/messages", 201);
        whileOpen.put("GET /v1/me", 200);
        whileOpen.put("GET /v1/people", 403); // Almaty's people
        whileOpen.put("GET /v1/providers", 200);
        whileOpen.put("GET /v1/overview", 403);
        assertThat(whileOpen.keySet()).as("every staff route").containsExactlyInAnyOrderElementsOf(staffRoutes());
        whileOpen.forEach((route, status) -> assertThat(staff(NODIRA, staffCall(route, legal)).status())
                .as("open referral: " + route).isEqualTo(status));
        assertThat(staff(NODIRA, staffCall("GET /v1/cases/{reference}", legal)).json().path("narrative").asText())
                .isEqualTo(ReportBodies.witnessInAlmaty().path("narrative").asText());
        assertThat(staff(DILNOZA, staffCall("GET /v1/cases", legal)).json().path("cases")
                .findValuesAsText("reference")).contains(tip);
        assertThat(staff(DILNOZA, staffCall("GET /v1/cases/{reference}", legal)).status()).isEqualTo(200);

        String status = "/v1/referrals/" + legal.referralId() + "/status";
        assertThat(staff(DILNOZA, new Call("POST", status, Map.of("If-Match", "\"2\""), "{\"to\":\"done\"}"))
                .status()).isEqualTo(200);
        assertThat(staff(DANA, new Call("POST", status, Map.of("If-Match", "\"3\""), "{\"to\":\"closed\"}"))
                .status()).isEqualTo(200);

        Map<String, Integer> onceClosed = new LinkedHashMap<>();
        onceClosed.put("GET /v1/cases", 200); // without the case
        onceClosed.put("GET /v1/cases/{reference}", 404);
        onceClosed.put("PUT /v1/cases/{reference}/assignee", 404);
        onceClosed.put("POST /v1/cases/{reference}/transitions", 404);
        onceClosed.put("GET /v1/cases/{reference}/audit", 404);
        onceClosed.put("POST /v1/alerts/{alertId}/acknowledgement", 404);
        onceClosed.put("POST /v1/cases/{reference}/referrals", 404);
        onceClosed.put("GET /v1/referrals", 200); // its own list keeps the closed referral
        onceClosed.put("POST /v1/referrals/{referralId}/status", 409); // closed: it changes no more
        onceClosed.put("POST /v1/cases/{reference}/messages", 404);
        onceClosed.put("GET /v1/me", 200);
        onceClosed.put("GET /v1/people", 403);
        onceClosed.put("GET /v1/providers", 200);
        onceClosed.put("GET /v1/overview", 403);
        assertThat(onceClosed.keySet()).as("every staff route").containsExactlyInAnyOrderElementsOf(staffRoutes());
        onceClosed.forEach((route, expected) -> assertThat(staff(NODIRA, staffCall(route, legal)).status())
                .as("closed referral: " + route).isEqualTo(expected));
        assertThat(staff(DILNOZA, staffCall("GET /v1/cases", legal)).json().path("cases")
                .findValuesAsText("reference")).doesNotContain(tip);
        assertThat(staff(DILNOZA, staffCall("GET /v1/referrals", legal)).json().path("referrals")
                .findValuesAsText("referralId")).contains(legal.referralId());
        assertThat(staff(DANA, staffCall("GET /v1/cases/{reference}", legal)).status())
                .as("guard: the commission still works the case").isEqualTo(200);
        assertThat(Tables.ofKind(Tables.caseItems(senim, tip), "AUDIT")).as("the provider's reads are audited")
                .anySatisfy(entry -> {
                    assertThat(entry.get("action").s()).isEqualTo("case_read");
                    assertThat(entry.get("organisationId").s()).isEqualTo("ngo-foreign-nationals");
                });
    }

    @Test
    void aCoordinatorAssignsOnlyPeopleOfTheirOwnOrganisationAndRefersOnlyToProvidersOfTheRegion() {
        Case almaty = referredToTheShelter(ReportBodies.victimInAlmaty());
        String cases = "/v1/cases/" + almaty.reference();
        String version = staff(DANA, staffCall("GET /v1/cases/{reference}", almaty)).header("ETag");

        LocalApi.Answer stranger = staff(DANA, new Call("PUT", cases + "/assignee", Map.of("If-Match", version),
                "{\"personId\":\"" + YERLAN + "\"}"));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.json().path("code").asText()).isEqualTo("assignee_not_in_organisation");
        assertThat(staff(DANA, new Call("PUT", cases + "/assignee", Map.of("If-Match", version),
                "{\"personId\":\"" + AIGERIM + "\"}")).status()).as("one of hers").isEqualTo(200);

        LocalApi.Answer outside = staff(DANA, new Call("POST", cases + "/referrals", Map.of(),
                referral().put("providerId", "ngo-shelter-astana").toString()));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().path("code").asText()).isEqualTo("provider_not_in_region");
        assertThat(staff(DANA, staffCall("GET /v1/people")).json().path("people").findValuesAsText("personId"))
                .contains(AIGERIM, DANA, ARMAN).doesNotContain(YERLAN);
    }

    /** A new report, acknowledged by the commission and referred by Dana to the Almaty shelter. */
    private static Case referredToTheShelter(ObjectNode report) {
        String newReference = api.submit(ReportBodies.newKey(), report.toString()).json().path("reference").asText();
        api.awaitAlerts(newReference, 2);
        assertThat(api.send("POST", "/v1/alerts/" + newReference + ".kz-75-commission/acknowledgement",
                LocalApi.bearer(api.tokenFor(AIGERIM)), null).status()).isEqualTo(200);
        LocalApi.Answer referred = api.sendJson("POST", "/v1/cases/" + newReference + "/referrals",
                LocalApi.bearer(api.tokenFor(DANA)), referral().toString());
        assertThat(referred.status()).isEqualTo(201);
        return new Case(newReference, referred.json().path("referralId").asText());
    }

    @Test
    void theReportersRoutesAndTheAcknowledgementLinkNeedNoToken() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("POST /v1/reports", 201);
        expected.put("GET /v1/reports/{reference}", 200);
        expected.put("GET /v1/regions", 200);
        expected.put("GET /v1/ack/{token}", 200);
        expected.put("POST /v1/ack/{token}", 200);
        expected.put("GET /v1/reports/{reference}/messages", 200);
        expected.put("POST /v1/reports/{reference}/messages", 201);
        expected.put("DELETE /v1/reports/{reference}", 200);
        assertThat(expected.keySet()).as("every route without an authorizer")
                .containsExactlyInAnyOrderElementsOf(routes(false));

        expected.forEach((route, status) -> {
            Call call = anonymousCall(route);
            LocalApi.Answer answer = call.json() == null
                    ? api.send(call.method(), call.path(), call.headers(), null)
                    : api.sendJson(call.method(), call.path(), call.headers(), call.json());
            assertThat(answer.status()).as(route).isEqualTo(status);
        });
        LocalApi.Answer regions = api.get("/v1/regions", Map.of("Authorization", "Bearer not-a-token"));
        assertThat(regions.status()).as("a token on an open route is not looked at").isEqualTo(200);
    }

    /** The request each staff route gets in these tests; a route the test does not know fails it. */
    private static Call staffCall(String route) {
        return staffCall(route, new Case(reference, referralId));
    }

    private static Call staffCall(String route, Case about) {
        String reference = about.reference();
        String referralId = about.referralId();
        String cases = "/v1/cases/" + reference;
        Map<String, String> ifMatch = Map.of("If-Match", "\"1\"");
        return switch (route) {
            case "GET /v1/cases" -> new Call("GET", "/v1/cases?region=KZ-75", Map.of(), null);
            case "GET /v1/cases/{reference}" -> new Call("GET", cases, Map.of(), null);
            case "PUT /v1/cases/{reference}/assignee" ->
                    new Call("PUT", cases + "/assignee", ifMatch, "{\"personId\":\"" + AIGERIM + "\"}");
            case "POST /v1/cases/{reference}/transitions" ->
                    new Call("POST", cases + "/transitions", ifMatch, "{\"to\":\"closed\",\"outcome\":\"assisted\"}");
            case "GET /v1/cases/{reference}/audit" -> new Call("GET", cases + "/audit", Map.of(), null);
            case "POST /v1/alerts/{alertId}/acknowledgement" ->
                    new Call("POST", "/v1/alerts/" + reference + ".kz-75-commission/acknowledgement", Map.of(), null);
            case "POST /v1/cases/{reference}/referrals" ->
                    new Call("POST", cases + "/referrals", Map.of(), referral().toString());
            case "GET /v1/referrals" -> new Call("GET", "/v1/referrals", Map.of(), null);
            case "POST /v1/referrals/{referralId}/status" ->
                    new Call("POST", "/v1/referrals/" + referralId + "/status", ifMatch, "{\"to\":\"accepted\"}");
            case "POST /v1/cases/{reference}/messages" -> new Call("POST", cases + "/messages", Map.of(),
                    "{\"kind\":\"update\",\"text\":\"Мы получили ваше сообщение и работаем.\"}");
            case "GET /v1/me" -> new Call("GET", "/v1/me", Map.of(), null);
            case "GET /v1/people" -> new Call("GET", "/v1/people?organisationId=kz-75-commission", Map.of(), null);
            case "GET /v1/providers" -> new Call("GET", "/v1/providers?service=shelter&region=KZ-75", Map.of(), null);
            case "GET /v1/overview" -> new Call("GET", "/v1/overview", Map.of(), null);
            default -> throw new AssertionError("a staff route this test does not know yet: add it to staffCall(), and"
                    + " to what each person may do with it: " + route);
        };
    }

    private static Call anonymousCall(String route) {
        Map<String, String> withReceipt = Map.of("X-Receipt", receipt);
        return switch (route) {
            case "POST /v1/reports" -> new Call("POST", "/v1/reports",
                    Map.of("Idempotency-Key", ReportBodies.newKey()), ReportBodies.witnessInAlmaty().toString());
            case "GET /v1/reports/{reference}" -> new Call("GET", "/v1/reports/" + reference, withReceipt, null);
            case "GET /v1/regions" -> new Call("GET", "/v1/regions?lang=ru", Map.of(), null);
            case "GET /v1/ack/{token}" -> new Call("GET", link, Map.of("Accept", "text/html"), null);
            case "POST /v1/ack/{token}" -> new Call("POST", link, Map.of("Accept", "application/json"), null);
            case "GET /v1/reports/{reference}/messages" ->
                    new Call("GET", "/v1/reports/" + reference + "/messages", withReceipt, null);
            case "POST /v1/reports/{reference}/messages" -> new Call("POST", "/v1/reports/" + reference + "/messages",
                    Map.of("X-Receipt", receipt, "Idempotency-Key", UUID.randomUUID().toString()),
                    "{\"text\":\"Я на месте, всё так же.\"}");
            case "DELETE /v1/reports/{reference}" -> {
                // a report of its own: the other tests go on with theirs
                JsonNode own = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAlmaty().toString()).json();
                yield new Call("DELETE", "/v1/reports/" + own.path("reference").asText(),
                        Map.of("X-Receipt", own.path("receipt").asText()), null);
            }
            default -> throw new AssertionError("a route without an authorizer this test does not know: " + route);
        };
    }

    /** Every route of the template, as {@code "METHOD /path"}, with an authorizer or without. */
    private static Set<String> routes(boolean withAuthorizer) {
        Set<String> routes = new TreeSet<>();
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            for (SamTemplate.HttpRoute route : function.routes()) {
                if (TEMPLATE.authorizer(route).isPresent() == withAuthorizer) {
                    routes.add(route.method() + " " + route.path());
                }
            }
        }
        return routes;
    }

    private static Set<String> staffRoutes() {
        Set<String> routes = routes(true);
        assertThat(routes).isNotEmpty();
        return routes;
    }

    /** The call, signed in as a seeded person; the exchange is checked against the contract. */
    private static LocalApi.Answer staff(String person, Call call) {
        return staffWithToken(api.tokenFor(person), call);
    }

    private static LocalApi.Answer staffWithToken(String token, Call call) {
        Map<String, String> headers = LocalApi.bearer(token);
        headers.putAll(call.headers());
        return call.json() == null
                ? api.send(call.method(), call.path(), headers, null)
                : api.sendJson(call.method(), call.path(), headers, call.json());
    }

    private static Map<String, String> withType(Map<String, String> headers, Call call) {
        if (call.json() != null) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private static byte[] body(Call call) {
        return call.json() == null ? null : call.json().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode referral() {
        return LocalApi.JSON.createObjectNode().put("providerId", "ngo-shelter-almaty").put("service", "shelter")
                .put("consentGiven", true)
                .put("dueDate", LocalDate.ofInstant(clock.instant(), CaseReferrals.ReferralLine.CALENDAR).plusDays(7)
                        .toString());
    }

    /** The token with its claims swapped for others, its signature kept: a forgery. */
    private static String withClaims(String token, ObjectNode claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static People.Person person(String id) {
        return People.load().find(id).orElseThrow();
    }

    private static int auditEntries() {
        return Tables.ofKind(Tables.caseItems(senim, reference), "AUDIT").size();
    }
}
