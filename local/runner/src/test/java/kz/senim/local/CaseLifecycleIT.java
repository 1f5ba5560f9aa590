package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.cases.CaseReferrals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One case the whole way, through the real routes and the real gateway: a victim's report in Almaty, the alert with
 * its link, acknowledged from the link; assigned, worked, a question to the reporter and the answer; a shelter place
 * with the person's consent, accepted and provided; the referral and the case closed; the reporter sees "closed"; and
 * the audit trail holds every step, in order, with who and when, never what anyone wrote. Time is the test's: each
 * step happens a minute after the last.
 */
class CaseLifecycleIT {

    private static final String AIGERIM = "aigerim.responder.almaty";
    private static final String DANA = "dana.coordinator.almaty";
    private static final String MADINA = "madina.responder.shelter-almaty";
    private static final String QUESTION = "Вы сейчас в безопасности? Где находится цех, на какой улице?";
    private static final String REPLY = "Пока в безопасности. Цех на улице Бекмаханова, за автобазой, вход со двора.";

    private static final MutableClock clock = MutableClock.startingNow();
    private static SenimLocal senim;
    private static LocalApi api;

    private final List<String> expectedTrail = new ArrayList<>();

    @BeforeAll
    static void startSenim() {
        senim = SenimLocal.start(Options.forTests(), clock);
        api = new LocalApi(senim);
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void aVictimsReportIsAcknowledgedWorkedReferredAndClosedAndTheAuditTrailHoldsEveryStep() {
        // The victim reports; the commission's on-call phone gets the alert with a link.
        ObjectNode report = ReportBodies.victimInAlmaty();
        JsonNode submitted = api.submit(ReportBodies.newKey(), report.toString()).json();
        String reference = submitted.path("reference").asText();
        String receipt = submitted.path("receipt").asText();
        List<JsonNode> alerts = api.awaitAlerts(reference, 2);
        assertThat(alerts).extracting(a -> a.path("organisationId").asText())
                .containsExactlyInAnyOrder("kz-75-commission", "ngo-shelter-almaty");
        JsonNode commissionAlert = alerts.stream()
                .filter(a -> a.path("organisationId").asText().equals("kz-75-commission")).findFirst().orElseThrow();
        String link = URI.create(commissionAlert.path("acknowledgeUrl").asText()).getRawPath();
        assertThat(link).startsWith("/v1/ack/");

        // Opening the link shows a page and changes nothing (link previews open links by themselves).
        next();
        LocalApi.Answer page = api.get(link, Map.of("Accept", "text/html", "Accept-Language", "ru"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains(reference).doesNotContain(report.path("narrative").asText());
        assertThat(reportItem(reference).get("status").s()).isEqualTo("received");
        assertThat(Tables.ofKind(Tables.caseItems(senim, reference), "AUDIT")).isEmpty();

        // Pressing the button acknowledges, once.
        Instant acknowledgedAt = next();
        LocalApi.Answer acknowledged = api.send("POST", link, Map.of("Accept", "application/json"), null);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().path("alertId").asText()).isEqualTo(reference + ".kz-75-commission");
        assertThat(acknowledged.json().path("acknowledgedBy").asText()).isEqualTo("kz-75-commission");
        assertThat(acknowledged.json().path("alreadyAcknowledged").asBoolean()).isFalse();
        assertThat(Instant.parse(acknowledged.json().path("acknowledgedAt").asText())).isEqualTo(acknowledgedAt);
        expect(acknowledgedAt, "alert_acknowledged", "link", "", "kz-75-commission", "");
        LocalApi.Answer again = api.send("POST", link, Map.of("Accept", "application/json"), null);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().path("code").asText()).isEqualTo("link_used");

        // The coordinator opens the case and assigns it to the responder.
        Instant read = next();
        LocalApi.Answer opened = api.get("/v1/cases/" + reference, LocalApi.bearer(api.tokenFor(DANA)));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().path("status").asText()).isEqualTo("acknowledged");
        assertThat(opened.json().path("takenBy").asText()).isEqualTo("kz-75-commission");
        assertThat(opened.json().path("narrative").asText()).isEqualTo(report.path("narrative").asText());
        expect(read, "case_read", "person", DANA, "kz-75-commission", "coordinator");

        Instant assignedAt = next();
        LocalApi.Answer assigned = api.sendJson("PUT", "/v1/cases/" + reference + "/assignee",
                LocalApi.bearer(api.tokenFor(DANA), "If-Match", opened.header("ETag")),
                "{\"personId\":\"" + AIGERIM + "\"}");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().path("assignee").asText()).isEqualTo(AIGERIM);
        assertThat(assigned.header("ETag")).isNotEqualTo(opened.header("ETag"));
        expect(assignedAt, "case_assigned", "person", DANA, "kz-75-commission", "coordinator");

        // The responder starts work and asks the reporter a question.
        Instant startedAt = next();
        String aigerim = api.tokenFor(AIGERIM);
        LocalApi.Answer started = api.sendJson("POST", "/v1/cases/" + reference + "/transitions",
                LocalApi.bearer(aigerim, "If-Match", assigned.header("ETag")), "{\"to\":\"in_progress\"}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().path("status").asText()).isEqualTo("in_progress");
        expect(startedAt, "case_work_started", "person", AIGERIM, "kz-75-commission", "responder");

        Instant askedAt = next();
        LocalApi.Answer asked = api.sendJson("POST", "/v1/cases/" + reference + "/messages", LocalApi.bearer(aigerim),
                LocalApi.JSON.createObjectNode().put("kind", "question").put("text", QUESTION).toString());
        assertThat(asked.status()).isEqualTo(201);
        expect(askedAt, "message_posted", "person", AIGERIM, "kz-75-commission", "responder");

        // The reporter comes back with the receipt, reads the question and answers it (a retry stores nothing).
        Instant readByReporter = next();
        LocalApi.Answer conversation = api.get("/v1/reports/" + reference + "/messages", Map.of("X-Receipt", receipt));
        assertThat(conversation.status()).isEqualTo(200);
        assertThat(conversation.json().path("status").asText()).isEqualTo("in_progress");
        assertThat(conversation.json().path("messages")).singleElement().satisfies(message -> {
            assertThat(message.path("from").asText()).isEqualTo("responder");
            assertThat(message.path("kind").asText()).isEqualTo("question");
            assertThat(message.path("text").asText()).isEqualTo(QUESTION);
        });
        assertThat(conversation.body()).doesNotContain(AIGERIM).doesNotContain("kz-75-commission");
        expect(readByReporter, "messages_read_by_reporter", "reporter", "", "", "");

        Instant repliedAt = next();
        Map<String, String> replyHeaders = Map.of("X-Receipt", receipt, "Idempotency-Key", UUID.randomUUID().toString());
        String replyBody = LocalApi.JSON.createObjectNode().put("text", REPLY).toString();
        LocalApi.Answer replied = api.sendJson("POST", "/v1/reports/" + reference + "/messages", replyHeaders, replyBody);
        LocalApi.Answer retried = api.sendJson("POST", "/v1/reports/" + reference + "/messages", replyHeaders,
                replyBody);
        assertThat(replied.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().path("messageId")).isEqualTo(replied.json().path("messageId"));
        expect(repliedAt, "reporter_replied", "reporter", "", "", "");

        // The responder sees the answer with the case.
        Instant seenAt = next();
        LocalApi.Answer withReply = api.get("/v1/cases/" + reference, LocalApi.bearer(api.tokenFor(AIGERIM)));
        assertThat(withReply.status()).isEqualTo(200);
        assertThat(withReply.json().path("messages")).hasSize(2);
        JsonNode answer = withReply.json().path("messages").get(1);
        assertThat(answer.path("direction").asText()).isEqualTo("from_reporter");
        assertThat(answer.path("author").asText()).isEqualTo("reporter");
        assertThat(answer.path("text").asText()).isEqualTo(REPLY);
        assertThat(withReply.json().path("messages").get(0).path("author").asText()).isEqualTo(AIGERIM);
        expect(seenAt, "case_read", "person", AIGERIM, "kz-75-commission", "responder");

        // The coordinator refers her to the shelter: not without her consent, then with it.
        next();
        String dana = api.tokenFor(DANA);
        LocalDate dueDate = LocalDate.ofInstant(clock.instant(), CaseReferrals.ReferralLine.CALENDAR).plusDays(3);
        ObjectNode referral = LocalApi.JSON.createObjectNode().put("providerId", "ngo-shelter-almaty")
                .put("service", "shelter").put("consentGiven", false).put("dueDate", dueDate.toString());
        LocalApi.Answer noConsent = api.sendJson("POST", "/v1/cases/" + reference + "/referrals",
                LocalApi.bearer(dana), referral.toString());
        assertThat(noConsent.status()).isEqualTo(409);
        assertThat(noConsent.json().path("code").asText()).isEqualTo("consent_required");
        assertThat(Tables.ofKind(Tables.caseItems(senim, reference), "REFERRAL")).isEmpty();

        Instant referredAt = next();
        LocalApi.Answer referred = api.sendJson("POST", "/v1/cases/" + reference + "/referrals",
                LocalApi.bearer(dana), referral.put("consentGiven", true).toString());
        assertThat(referred.status()).isEqualTo(201);
        String referralId = referred.json().path("referralId").asText();
        assertThat(referralId).startsWith(reference + ".R");
        assertThat(referred.json().path("status").asText()).isEqualTo("in_progress");
        assertThat(referred.json().path("consentGiven").asBoolean()).isTrue();
        expect(referredAt, "referral_created", "person", DANA, "kz-75-commission", "coordinator");

        // The shelter finds it in its list and accepts it.
        Instant acceptedAt = next();
        String madina = api.tokenFor(MADINA);
        LocalApi.Answer shelterList = api.get("/v1/referrals", LocalApi.bearer(madina));
        assertThat(shelterList.status()).isEqualTo(200);
        assertThat(shelterList.json().path("providerId").asText()).isEqualTo("ngo-shelter-almaty");
        JsonNode listed = find(shelterList.json().path("referrals"), referralId);
        assertThat(listed.path("status").asText()).isEqualTo("in_progress");
        assertThat(shelterList.body()).doesNotContain(report.path("narrative").asText());
        LocalApi.Answer accepted = changeReferral(madina, referralId, referred.header("ETag"), "accepted");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("accepted");
        expect(acceptedAt, "referral_accepted", "person", MADINA, "ngo-shelter-almaty", "responder");

        // While the referral is open, the case cannot be closed.
        Instant beforeClosing = next();
        LocalApi.Answer current = api.get("/v1/cases/" + reference, LocalApi.bearer(dana));
        expect(beforeClosing, "case_read", "person", DANA, "kz-75-commission", "coordinator");
        LocalApi.Answer tooEarly = closeCase(dana, reference, current.header("ETag"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("code").asText()).isEqualTo("referrals_open");

        // The shelter has given her a place; the coordinator closes the referral, then the case.
        Instant doneAt = next();
        LocalApi.Answer done = changeReferral(madina, referralId, accepted.header("ETag"), "done");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("status").asText()).isEqualTo("done");
        expect(doneAt, "referral_done", "person", MADINA, "ngo-shelter-almaty", "responder");

        Instant referralClosedAt = next();
        LocalApi.Answer referralClosed = changeReferral(dana, referralId, done.header("ETag"), "closed");
        assertThat(referralClosed.status()).isEqualTo(200);
        assertThat(referralClosed.json().path("closed").asBoolean()).isTrue();
        assertThat(referralClosed.json().path("status").asText()).isEqualTo("done");
        expect(referralClosedAt, "referral_closed", "person", DANA, "kz-75-commission", "coordinator");

        Instant closedAt = next();
        LocalApi.Answer closed = closeCase(dana, reference, current.header("ETag"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().path("status").asText()).isEqualTo("closed");
        assertThat(closed.json().path("outcome").asText()).isEqualTo("assisted");
        expect(closedAt, "case_closed", "person", DANA, "kz-75-commission", "coordinator");

        // The reporter sees "closed"; like every read of the case, that is audited, as "the reporter".
        Instant statusReadAt = next();
        LocalApi.Answer status = api.status(reference, receipt, Map.of());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("closed");
        expect(statusReadAt, "status_read_by_reporter", "reporter", "", "", "");

        // The audit trail: every step, in order, who and when, and never what anyone wrote.
        Instant auditReadAt = next();
        LocalApi.Answer audit = api.get("/v1/cases/" + reference + "/audit", LocalApi.bearer(api.tokenFor(DANA)));
        expect(auditReadAt, "audit_read", "person", DANA, "kz-75-commission", "coordinator");
        assertThat(audit.status()).isEqualTo(200);
        List<String> trail = new ArrayList<>();
        audit.json().path("entries").forEach(entry -> trail.add(row(Instant.parse(entry.path("at").asText()),
                entry.path("action").asText(), entry.path("actor"))));
        assertThat(trail).containsExactlyElementsOf(expectedTrail);
        JsonNode linkEntry = audit.json().path("entries").get(0).path("details");
        assertThat(linkEntry.path("alertId").asText()).isEqualTo(reference + ".kz-75-commission");
        assertThat(linkEntry.path("tookCase").asText()).isEqualTo("true");
        assertThat(entry(audit, "case_assigned").path("details").path("assignee").asText()).isEqualTo(AIGERIM);
        assertThat(entry(audit, "referral_created").path("details").path("referralId").asText()).isEqualTo(referralId);
        assertThat(entry(audit, "case_closed").path("details").path("outcome").asText()).isEqualTo("assisted");
        assertThat(audit.body())
                .doesNotContain(report.path("narrative").asText())
                .doesNotContain(report.path("locality").asText())
                .doesNotContain(QUESTION)
                .doesNotContain(REPLY)
                .doesNotContain(receipt);

        // The shelter never acknowledged its own alert: with the case closed, nobody is paged about it any more.
        clock.advance(Duration.ofHours(2));
        LocalApi.Answer escalation = api.sendUnchecked("POST", LocalEndpoints.SCHEDULES + "EscalateAlertsFunction",
                Map.of(), null);
        assertThat(escalation.status()).isEqualTo(200);
        assertThat(Tables.ofKind(Tables.caseItems(senim, reference), "ALERT"))
                .extracting(item -> item.get("sk").s())
                .containsExactlyInAnyOrder("ALERT#kz-75-commission", "ALERT#ngo-shelter-almaty");
        api.awaitAlerts(reference, 2); // and no more
    }

    /** A minute later: the time of the next step. */
    private static Instant next() {
        return clock.advance(Duration.ofMinutes(1));
    }

    private void expect(Instant at, String action, String actorType, String personId, String organisationId,
                        String role) {
        expectedTrail.add(String.join(" | ", at.toString(), action, actorType, personId, organisationId, role));
    }

    private static String row(Instant at, String action, JsonNode actor) {
        return String.join(" | ", at.toString(), action, actor.path("type").asText(), actor.path("personId").asText(),
                actor.path("organisationId").asText(), actor.path("role").asText());
    }

    private static JsonNode entry(LocalApi.Answer audit, String action) {
        for (JsonNode entry : audit.json().path("entries")) {
            if (entry.path("action").asText().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " in " + audit.body());
    }

    private static JsonNode find(JsonNode referrals, String referralId) {
        for (JsonNode referral : referrals) {
            if (referral.path("referralId").asText().equals(referralId)) {
                return referral;
            }
        }
        throw new AssertionError(referralId + " is not listed: " + referrals);
    }

    private static LocalApi.Answer changeReferral(String token, String referralId, String etag, String to) {
        return api.sendJson("POST", "/v1/referrals/" + referralId + "/status", LocalApi.bearer(token, "If-Match", etag),
                "{\"to\":\"" + to + "\"}");
    }

    private static LocalApi.Answer closeCase(String token, String reference, String etag) {
        return api.sendJson("POST", "/v1/cases/" + reference + "/transitions", LocalApi.bearer(token, "If-Match", etag),
                "{\"to\":\"closed\",\"outcome\":\"assisted\"}");
    }

    private static Map<String, AttributeValue> reportItem(String reference) {
        return Tables.ofKind(Tables.caseItems(senim, reference), "REPORT").getFirst();
    }
}
