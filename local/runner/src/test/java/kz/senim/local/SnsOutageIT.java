package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.senim.local.engines.SnsEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./senim local --sns-endpoint <unreachable>}: Senim starts and takes reports while SNS does not answer; the
 * alerts taken meanwhile are delivered once SNS is back (its topics created by then), or after a restart without an
 * SNS endpoint to the on-call inbox, each exactly once; meanwhile the case view says they are failing.
 */
@Timeout(240)
class SnsOutageIT {

    private static final String SWEEP = LocalEndpoints.SCHEDULES + "SweepAlertsFunction";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The template's MaximumRetryAttempts (10) plus the first attempt: then the stream poller gives up. */
    private static final int STREAM_ATTEMPTS = 11;

    @Test
    void alertsTakenWhileSnsIsDownGoToTheInboxAfterARestartWithoutItEachOnce(@TempDir Path dataDir)
            throws IOException {
        MutableClock clock = MutableClock.startingNow();
        String reference;
        String token;
        try (SenimLocal down = SenimLocal.start(Options.forTests().withDataDir(dataDir)
                .withSnsEndpoint(unreachable()), clock)) {
            LocalApi api = new LocalApi(down);
            LocalApi.Answer answer = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString());
            assertThat(answer.status()).isEqualTo(201);
            reference = answer.json().path("reference").asText();
            awaitAlerts(down, reference, 4, item -> item.containsKey("lastErrorClass"));
            token = api.tokenFor("dana.coordinator.almaty");
            JsonNode failing = deliveryOf(api, token, reference, reference + ".kz-75-commission");
            assertThat(failing.path("state").asText()).isEqualTo("failing");
            assertThat(failing.path("attempts").asInt()).isPositive();
            assertThat(failing.path("lastErrorClass").asText()).startsWith("software.amazon.awssdk.");
        }

        clock.advance(Duration.ofMinutes(3));
        try (SenimLocal inboxOnly = SenimLocal.start(Options.forTests().withDataDir(dataDir), clock)) {
            LocalApi api = new LocalApi(inboxOnly);
            assertThat(api.sendUnchecked("POST", SWEEP, Map.of(), null).status()).isEqualTo(200);
            awaitAlerts(inboxOnly, reference, 4, item -> item.containsKey("publishedAt"));
            assertThat(api.sendUnchecked("POST", SWEEP, Map.of(), null).json().path("result")
                    .path("redispatched").asInt()).as("nothing left to sweep").isZero();

            assertThat(api.alertsAbout(reference)).extracting(alert -> alert.path("organisationId").asText())
                    .containsExactlyInAnyOrder("kz-75-commission", "police-att-liaison", "ngo-foreign-nationals",
                            "ngo-shelter-almaty");
            assertThat(deliveryOf(api, token, reference, reference + ".kz-75-commission").path("state").asText())
                    .isEqualTo("published");
        }
    }

    @Test
    void onceSnsIsBackItsTopicsAreCreatedAndEveryAlertTakenMeanwhileIsPublishedExactlyOnce() throws IOException {
        MutableClock clock = MutableClock.startingNow();
        URI endpoint = unreachable();
        List<String> references = new ArrayList<>();
        try (SenimLocal senim = SenimLocal.start(Options.forTests().withSnsEndpoint(endpoint), clock)) {
            LocalApi api = new LocalApi(senim);
            for (String region : List.of("KZ-71", "KZ-75", "KZ-79")) {
                LocalApi.Answer answer = api.submit(ReportBodies.newKey(),
                        ReportBodies.witnessInAstana().put("region", region).toString());
                assertThat(answer.status()).as("reports are taken while SNS is down").isEqualTo(201);
                references.add(answer.json().path("reference").asText());
            }
            for (String reference : references) {
                awaitAlerts(senim, reference, 1, item -> item.containsKey("attempts")
                        && Integer.parseInt(item.get("attempts").n()) >= STREAM_ATTEMPTS
                        && !item.containsKey("claimedUntil"));
            }

            try (SnsEmulator sns = SnsEmulator.start(endpoint.getPort())) {
                String queue = SnsQueues.subscribe(sns, List.of("kz-71-commission", "kz-75-commission",
                        "kz-79-commission"), "outage-commissions");
                Set<String> topics = await("the runner creates every organisation's topic").atMost(PATIENCE)
                        .until(() -> topicNames(sns), names -> names.size() >= 28);
                assertThat(topics).contains(SenimLocal.TOPIC_PREFIX + "national-secretariat",
                        SenimLocal.TOPIC_PREFIX + "ngo-children");

                clock.advance(Duration.ofMinutes(3));
                LocalApi.Answer swept = api.sendUnchecked("POST", SWEEP, Map.of(), null);
                assertThat(swept.json().path("result").path("published").asInt()).isEqualTo(3);
                for (String reference : references) {
                    awaitAlerts(senim, reference, 1, item -> item.containsKey("publishedAt"));
                }
                assertThat(api.sendUnchecked("POST", SWEEP, Map.of(), null).json().path("result")
                        .path("redispatched").asInt()).isZero();

                Map<String, Integer> received = SnsQueues.countByAlertId(sns, List.of(queue));
                assertThat(received).isEqualTo(Map.of(
                        references.get(0) + ".kz-71-commission", 1,
                        references.get(1) + ".kz-75-commission", 1,
                        references.get(2) + ".kz-79-commission", 1));
            }
        }
    }

    /** Waits (bounded) until the report has {@code count} alert items and each satisfies {@code settled}. */
    private static void awaitAlerts(SenimLocal senim, String reference, int count,
            java.util.function.Predicate<Map<String, AttributeValue>> settled) {
        await("the alerts of " + reference).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> Tables.ofKind(Tables.caseItems(senim, reference), "ALERT"),
                        items -> items.size() == count && items.stream().allMatch(settled));
    }

    private static JsonNode deliveryOf(LocalApi api, String token, String reference, String alertId) {
        LocalApi.Answer opened = api.get("/v1/cases/" + reference, LocalApi.bearer(token));
        assertThat(opened.status()).isEqualTo(200);
        for (JsonNode alert : opened.json().path("alerts")) {
            if (alertId.equals(alert.path("alertId").asText())) {
                return alert.path("delivery");
            }
        }
        throw new AssertionError("no alert " + alertId + " in " + opened.body());
    }

    private static URI unreachable() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static Set<String> topicNames(SnsEmulator sns) {
        Set<String> names = new TreeSet<>();
        sns.sns().listTopicsPaginator().topics().forEach(t -> names.add(t.topicArn()
                .substring(t.topicArn().lastIndexOf(':') + 1)));
        return names;
    }
}
