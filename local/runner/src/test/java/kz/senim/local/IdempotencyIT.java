package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Mobile clients retry: the same report sent again, even many times at once, is stored once and alerted once. */
class IdempotencyIT {

    private static final int CONCURRENT_RETRIES = 8;

    private static SenimLocal senim;
    private static LocalApi api;

    @BeforeAll
    static void startSenim() {
        // A dozen submissions in quick succession: about retries, not the report route's throttle (LimitsIT).
        senim = SenimLocal.start(Options.forTests().withoutThrottle());
        api = new LocalApi(senim);
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void aRetriedReportGetsTheSameReferenceAndReceiptAndIsStoredOnce() {
        String key = ReportBodies.newKey();
        String body = ReportBodies.victimInAlmatyInDanger().toString();

        LocalApi.Answer first = api.submit(key, body);
        LocalApi.Answer retry = api.submit(key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("reference")).isEqualTo(first.json().path("reference"));
        assertThat(retry.json().path("receipt")).isEqualTo(first.json().path("receipt"));
        assertStoredOnceAndAlertedOnce(first.json().path("reference").asText(), key, 4);
    }

    @Test
    void eightIdenticalRequestsAtOnceMakeOneReport() throws Exception {
        String key = ReportBodies.newKey();
        String body = ReportBodies.victimInAlmatyInDanger().toString();
        List<LocalApi.Answer> answers = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(CONCURRENT_RETRIES);
        try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_RETRIES)) {
            List<Future<LocalApi.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_RETRIES; i++) {
                sent.add(clients.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return api.submit(key, body);
                }));
            }
            for (Future<LocalApi.Answer> answer : sent) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        JsonNode firstBody = answers.getFirst().json();
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.json().path("reference")).isEqualTo(firstBody.path("reference"));
            assertThat(a.json().path("receipt")).isEqualTo(firstBody.path("receipt"));
        });
        assertThat(answers).filteredOn(a -> a.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(answers).filteredOn(a -> "true".equals(a.header("Idempotent-Replayed")))
                .hasSize(CONCURRENT_RETRIES - 1);
        assertStoredOnceAndAlertedOnce(firstBody.path("reference").asText(), key, 4);
    }

    @Test
    void theSameKeyWithAnotherReportIsRefusedAndNothingMoreIsStored() {
        String key = ReportBodies.newKey();
        String reference = api.submit(key, ReportBodies.victimInAlmatyInDanger().toString()).json()
                .path("reference").asText();
        int itemsBefore = Tables.records(senim).size();

        LocalApi.Answer reused = api.submit(key, ReportBodies.witnessInAstana().toString());

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(reused.json().path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(Tables.records(senim)).hasSize(itemsBefore);
        assertStoredOnceAndAlertedOnce(reference, key, 4);
    }

    private static void assertStoredOnceAndAlertedOnce(String reference, String key, int organisations) {
        // exactly this many, and still this many after a quiet period: a late duplicate alert would be seen
        List<JsonNode> alerts = api.awaitAlerts(reference, organisations);
        assertThat(alerts).extracting(a -> a.path("organisationId").asText()).doesNotHaveDuplicates()
                .hasSize(organisations);

        List<Map<String, AttributeValue>> items = Tables.caseItems(senim, reference);
        assertThat(Tables.ofKind(items, "REPORT")).hasSize(1);
        assertThat(Tables.ofKind(items, "ALERT")).hasSize(organisations);
        List<Map<String, AttributeValue>> idempotency = Tables.cases(senim).stream()
                .filter(i -> ("IDEMPOTENCY#" + sha256(key)).equals(i.get("pk").s())).toList();
        assertThat(idempotency).hasSize(1);
        long reportsWithThisReference = Tables.cases(senim).stream()
                .filter(i -> i.containsKey("reference") && reference.equals(i.get("reference").s()))
                .filter(i -> "REPORT".equals(i.get("kind").s())).count();
        assertThat(reportsWithThisReference).isEqualTo(1);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
