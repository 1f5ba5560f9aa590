package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An alert nobody acknowledges climbs the alerted organisation's escalation policy (organisations.json: a regional
 * commission pages itself again after 10 minutes, then the national secretariat 20 minutes later, twice over), one
 * page per step, and falls silent the moment someone acknowledges. The test moves the clock and runs the schedule
 * itself ({@code POST /local/schedules/EscalateAlertsFunction}), as EventBridge would every minute.
 */
class EscalationIT {

    private static final String SCHEDULE = LocalEndpoints.SCHEDULES + "EscalateAlertsFunction";
    private static final String SAULE = "saule.national-coordinator.astana";

    private static final MutableClock clock = MutableClock.startingNow();
    private static SenimLocal senim;
    private static LocalApi api;

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
    void anAlertNobodyAcknowledgesEscalatesStepByStepToTheNationalSecretariatAndStopsWhenItIsAcknowledged() {
        Instant reported = clock.instant();
        String reference = report();
        List<JsonNode> alerts = api.awaitAlerts(reference, 1);
        assertThat(alerts.getFirst().path("alertId").asText()).isEqualTo(reference + ".kz-75-commission");

        runAt(reported.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(pages(reference)).as("nothing is due before ten minutes").isEmpty();

        runAt(reported.plus(Duration.ofMinutes(10)));
        JsonNode first = api.awaitAlerts(reference, 2).get(1);
        assertThat(first.path("alertId").asText()).isEqualTo(reference + ".kz-75-commission.e1");
        assertThat(first.path("organisationId").asText()).isEqualTo("kz-75-commission");
        assertThat(first.path("acknowledgeUrl").asText()).contains("/v1/ack/");

        run();
        assertThat(pages(reference)).as("run again at the same time").hasSize(1);

        runAt(reported.plus(Duration.ofMinutes(29)));
        assertThat(pages(reference)).as("the second step is due twenty minutes after the first").hasSize(1);

        runAt(reported.plus(Duration.ofMinutes(30)));
        JsonNode second = api.awaitAlerts(reference, 3).get(2);
        assertThat(second.path("alertId").asText()).isEqualTo(reference + ".national-secretariat.e2");
        assertThat(second.path("organisationId").asText()).isEqualTo("national-secretariat");
        run();
        assertThat(pages(reference)).hasSize(2);

        clock.advance(Duration.ofMinutes(2));
        LocalApi.Answer acknowledged = api.send("POST", "/v1/alerts/" + second.path("alertId").asText()
                + "/acknowledgement", LocalApi.bearer(api.tokenFor(SAULE)), null);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().path("acknowledgedBy").asText()).isEqualTo("national-secretariat");
        assertThat(acknowledged.json().path("alreadyAcknowledged").asBoolean()).isFalse();

        for (Duration later : List.of(Duration.ofMinutes(40), Duration.ofMinutes(60), Duration.ofHours(5),
                Duration.ofDays(3))) {
            runAt(reported.plus(later));
            assertThat(pages(reference)).as("pages %s after the report", later).hasSize(2);
        }
        api.awaitAlerts(reference, 3); // and no more

        LocalApi.Answer audit = api.get("/v1/cases/" + reference + "/audit", LocalApi.bearer(api.tokenFor(SAULE)));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().path("entries")).extracting(e -> e.path("action").asText() + " "
                + e.path("details").path("target").asText(""))
                .containsExactly("alert_escalated kz-75-commission", "alert_escalated national-secretariat",
                        "alert_acknowledged ", "audit_read ");
        assertThat(audit.json().path("entries").get(0).path("actor").path("type").asText()).isEqualTo("system");
        assertThat(audit.json().path("entries").get(2).path("actor").path("personId").asText()).isEqualTo(SAULE);
    }

    @Test
    void anAlertNobodyEverAcknowledgesGoesThroughThePolicyTwiceThenFallsSilent() {
        Instant reported = clock.instant();
        String reference = report();
        api.awaitAlerts(reference, 1);

        for (int minutes : List.of(10, 30, 40, 60)) {
            runAt(reported.plus(Duration.ofMinutes(minutes)));
        }
        assertThat(api.awaitAlerts(reference, 5)).extracting(a -> a.path("alertId").asText())
                .containsExactlyInAnyOrder(reference + ".kz-75-commission", reference + ".kz-75-commission.e1",
                        reference + ".national-secretariat.e2", reference + ".kz-75-commission.e3",
                        reference + ".national-secretariat.e4");

        for (Duration later : List.of(Duration.ofMinutes(70), Duration.ofMinutes(90), Duration.ofDays(1))) {
            runAt(reported.plus(later));
            assertThat(pages(reference)).as("pages %s after the report", later).hasSize(4);
        }
        api.awaitAlerts(reference, 5); // and no more
    }

    @Test
    void anAlertAcknowledgedInTimeIsNeverEscalated() {
        Instant reported = clock.instant();
        String reference = report();
        api.awaitAlerts(reference, 1);

        clock.advance(Duration.ofMinutes(3));
        LocalApi.Answer acknowledged = api.send("POST", "/v1/alerts/" + reference + ".kz-75-commission/acknowledgement",
                LocalApi.bearer(api.tokenFor("aigerim.responder.almaty")), null);
        assertThat(acknowledged.status()).isEqualTo(200);

        for (Duration later : List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(2))) {
            runAt(reported.plus(later));
            assertThat(pages(reference)).as("pages %s after the report", later).isEmpty();
        }
        api.awaitAlerts(reference, 1); // and no more
    }

    /** A witness in Almaty: only the Almaty commission is alerted. */
    private static String report() {
        return api.submit(ReportBodies.newKey(), ReportBodies.witnessInAlmaty().toString()).json().path("reference").asText();
    }

    private static void runAt(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
        run();
    }

    private static void run() {
        LocalApi.Answer run = api.sendUnchecked("POST", SCHEDULE, Map.of(), null);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("result").path("failed").asInt()).isZero();
    }

    /** The escalation pages stored for the case (written by the escalation run itself, before any dispatch). */
    private static List<Map<String, AttributeValue>> pages(String reference) {
        return Tables.ofKind(Tables.caseItems(senim, reference), "ALERT").stream()
                .filter(item -> item.containsKey("status") && "page".equals(item.get("status").s()))
                .toList();
    }
}
