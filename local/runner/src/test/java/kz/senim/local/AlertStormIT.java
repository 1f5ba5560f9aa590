package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.senim.directory.PagingLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A flood (BRIEF rule 10): sixty reports in a burst about Almaty are all stored and visible, while the Almaty
 * commission's on-call phone gets its five pages and then one digest page for the window, not sixty pages. The
 * route throttles are off here: what is tested is paging ({@code LimitsIT} tests the throttles).
 */
@Timeout(240)
class AlertStormIT {

    private static final int REPORTS = 60;
    private static final int K = PagingLimit.DEFAULT.individualPages();

    @Test
    void sixtyReportsInABurstAreSixtyCasesAndTheCommissionGetsAtMostKPlusTwoPagesInTheWindow() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (SenimLocal senim = SenimLocal.start(Options.forTests().withoutThrottle(), clock)) {
            LocalApi api = new LocalApi(senim);
            List<Callable<Integer>> burst = new ArrayList<>();
            for (int i = 0; i < REPORTS; i++) {
                burst.add(() -> api.submit(ReportBodies.newKey(), ReportBodies.witnessInAlmaty().toString()).status());
            }
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                for (Future<Integer> status : clients.invokeAll(burst, 120, TimeUnit.SECONDS)) {
                    statuses.add(status.get());
                }
            }
            assertThat(statuses).hasSize(REPORTS).containsOnly(201);

            List<Map<String, AttributeValue>> alerts = await("every alert published or counted in a digest")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Tables.ofKind(Tables.cases(senim), "ALERT"), items -> items.size() == REPORTS
                            && items.stream().allMatch(i -> i.containsKey("publishedAt")
                            || i.containsKey("coalescedInto")));

            assertThat(Tables.ofKind(Tables.cases(senim), "REPORT")).hasSize(REPORTS);
            List<com.fasterxml.jackson.databind.node.ObjectNode> paged = senim.inbox().alerts(Optional.of("kz-75-commission"));
            assertThat(paged).hasSizeLessThanOrEqualTo(K + 2);
            assertThat(paged).filteredOn(m -> m.path("kind").asText().equals("alert")).hasSize(K);
            JsonNode digest = paged.stream().filter(m -> m.path("kind").asText().equals("digest")).findFirst()
                    .orElseThrow(() -> new AssertionError("no digest page: " + paged));
            assertThat(digest.path("count").asInt()).isBetween(K + 1, REPORTS);
            assertThat(digest.path("regions").toString()).isEqualTo("[\"KZ-75\"]");
            assertThat(alerts).filteredOn(i -> i.containsKey("coalescedInto")).hasSize(REPORTS - K - 1)
                    .allSatisfy(i -> assertThat(i.get("coalescedInto").s()).isEqualTo(digest.path("alertId").asText()));

            String token = api.tokenFor("dana.coordinator.almaty");
            int visible = 0;
            String cursor = null;
            do {
                LocalApi.Answer page = api.get("/v1/cases?region=KZ-75&limit=50"
                        + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor,
                        java.nio.charset.StandardCharsets.UTF_8)), LocalApi.bearer(token));
                assertThat(page.status()).isEqualTo(200);
                visible += page.json().path("cases").size();
                cursor = page.json().path("nextCursor").isTextual() ? page.json().path("nextCursor").asText() : null;
            } while (cursor != null);
            assertThat(visible).as("every report is visible in the queue").isEqualTo(REPORTS);
        }
    }
}
