package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule 1 of the brief: nothing that identifies a reporter is stored or logged. The gateway puts the caller's source
 * IP, user agent and every header into the events, as API Gateway does (see {@code HttpApiEventsTest}); here the
 * requests carry unique markers in all of them, and afterwards no table of DynamoDB Local and nothing this process
 * printed may contain any of them.
 */
class AnonymityIT {

    private static final String SOURCE_IP = "127.0.0.1";
    private static final String REPLY_TEXT = "Я снова на связи, телефон отобрали";
    private static final Map<String, String> IDENTIFYING = new LinkedHashMap<>();

    static {
        IDENTIFYING.put("X-Forwarded-For", "203.0.113.77");
        IDENTIFYING.put("User-Agent", "MarkerAgent/9.9 (device-model-marker-A55)");
        IDENTIFYING.put("X-Real-IP", "198.51.100.23");
        IDENTIFYING.put("Forwarded", "for=192.0.2.60;proto=https;by=forwarded-marker");
        IDENTIFYING.put("Cookie", "session=cookie-marker-456; tracking=cookie-marker-789");
        IDENTIFYING.put("X-Device-Id", "device-marker-123");
        IDENTIFYING.put("X-Msisdn", "77015550199");
        IDENTIFYING.put("Referer", "https://referer-marker.example/app");
        IDENTIFYING.put("X-Request-Id", "request-marker-31337");
        IDENTIFYING.put("X-Geo-Location", "43.2389,76.8897");
    }

    private static SenimLocal senim;
    private static LocalApi api;

    @BeforeAll
    static void startSenim() {
        senim = SenimLocal.start(Options.forTests());
        api = new LocalApi(senim);
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void nothingThatIdentifiesTheReporterIsStoredOrLogged() {
        String key = "anonymity-" + UUID.randomUUID();
        String replyKey = "anonymity-reply-" + UUID.randomUUID();
        ObjectNode report = ReportBodies.victimInAlmatyInDanger();
        String captured;
        JsonNode submitted;
        try (OutputCapture output = OutputCapture.start()) {
            LocalApi.Answer first = api.submit(key, report.toString(), IDENTIFYING);
            assertThat(first.status()).isEqualTo(201);
            submitted = first.json();
            String reference = submitted.path("reference").asText();
            await("the alerts of " + reference + " published").atMost(LocalApi.PATIENCE)
                    .until(() -> Tables.ofKind(Tables.caseItems(senim, reference), "ALERT"),
                            alerts -> alerts.size() == 4 && alerts.stream().allMatch(a -> a.containsKey("publishedAt")));

            assertThat(api.submit(key, report.toString(), IDENTIFYING).header("Idempotent-Replayed"))
                    .isEqualTo("true");
            assertThat(api.status(reference, submitted.path("receipt").asText(), IDENTIFYING).status())
                    .isEqualTo(200);
            assertThat(api.status(reference, "WRNG-RCPT-0000-0000-0000", IDENTIFYING).status()).isEqualTo(404);
            assertThat(api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().put("deviceId", "x").toString(),
                    IDENTIFYING).status()).isEqualTo(400);
            Map<String, String> reply = new LinkedHashMap<>(IDENTIFYING);
            reply.put("Content-Type", "application/json");
            reply.put("X-Receipt", submitted.path("receipt").asText());
            reply.put("Idempotency-Key", replyKey);
            assertThat(api.send("POST", "/v1/reports/" + reference + "/messages", reply,
                    ("{\"text\":\"" + REPLY_TEXT + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .status()).isEqualTo(201);
            Map<String, String> read = new LinkedHashMap<>(IDENTIFYING);
            read.put("X-Receipt", submitted.path("receipt").asText());
            assertThat(api.get("/v1/reports/" + reference + "/messages", read).status()).isEqualTo(200);
            assertThat(api.get("/v1/regions?lang=ru", IDENTIFYING).status()).isEqualTo(200);
            assertThat(api.sendUnchecked("GET", "/v1/whoami", IDENTIFYING, null).status()).isEqualTo(404);
            captured = output.text();
        }
        Map<String, String> tables = Tables.dumpEverything(senim);

        assertThat(captured).as("what the process printed").contains(submitted.path("reference").asText());
        assertThat(tables.keySet()).containsAll(senim.tables().values());
        for (String marker : markers()) {
            assertThat(captured).as("what the process printed").doesNotContain(marker);
            tables.forEach((table, items) -> assertThat(items).as("table " + table).doesNotContain(marker));
        }
        assertThat(captured).doesNotContain(SOURCE_IP).doesNotContain("Java-http-client")
                .doesNotContain(key)
                .doesNotContain(replyKey)
                .doesNotContain(REPLY_TEXT)
                .doesNotContain(submitted.path("receipt").asText())
                .doesNotContain(report.path("narrative").asText())
                .doesNotContain(report.path("locality").asText());
        tables.forEach((table, items) -> assertThat(items).as("table " + table)
                .doesNotContain(SOURCE_IP)
                .doesNotContain(key)
                .doesNotContain(replyKey)
                .doesNotContain(submitted.path("receipt").asText()));
        assertThat(tables.get(senim.tables().get("CasesTable")))
                .as("the Idempotency-Key is kept only as its SHA-256")
                .contains("IDEMPOTENCY#" + IdempotencyIT.sha256(key));
    }

    /** The identifying values, and the distinctive parts of each (a log might quote only a part). */
    private static List<String> markers() {
        return List.of("203.0.113.77", "MarkerAgent", "device-model-marker-A55", "198.51.100.23", "192.0.2.60",
                "forwarded-marker", "cookie-marker-456", "cookie-marker-789", "device-marker-123", "77015550199",
                "referer-marker", "request-marker-31337", "43.2389", "76.8897");
    }
}
