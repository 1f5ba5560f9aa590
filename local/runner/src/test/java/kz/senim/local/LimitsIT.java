package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, section 3: the runner applies the template's route throttles as API Gateway does, per route and never per
 * client, and answers a request beyond them with 429, Retry-After and a problem in the caller's language. The runner's
 * clock stands still unless the test moves it, so exactly the burst passes and nothing here depends on timing.
 */
class LimitsIT {

    private static final SamTemplate.Throttle REPORTS =
            SamTemplate.load().throttle(new SamTemplate.HttpRoute("POST", "/v1/reports")).orElseThrow();
    private static final SamTemplate.Throttle REGIONS =
            SamTemplate.load().throttle(new SamTemplate.HttpRoute("GET", "/v1/regions")).orElseThrow();

    private static List<Integer> submit(LocalApi api, int reports, Map<String, String> headers) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            statuses.add(api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString(), headers)
                    .status());
        }
        return statuses;
    }

    @Test
    void aBurstAboveTheReportRoutesLimitGets429WithRetryAfterAndStoresNothingMore() {
        MutableClock clock = MutableClock.startingNow();
        try (SenimLocal senim = SenimLocal.start(Options.forTests(), clock)) {
            LocalApi api = new LocalApi(senim);

            List<Integer> burst = submit(api, REPORTS.burstLimit(), Map.of());
            int itemsAfterBurst = Tables.records(senim).size();
            LocalApi.Answer refused = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString(),
                    Map.of("Accept-Language", "ru"));
            LocalApi.Answer fromElsewhere = api.submit(ReportBodies.newKey(),
                    ReportBodies.witnessInAstana().toString(), Map.of("X-Forwarded-For", "203.0.113.9"));

            assertThat(burst).as("the burst the template allows").containsOnly(201).hasSize(REPORTS.burstLimit());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("Content-Language")).isEqualTo("ru");
            assertThat(refused.json().path("code").asText()).isEqualTo("too_many_requests");
            assertThat(refused.json().path("detail").asText()).containsPattern("\\p{IsCyrillic}");
            assertThat(fromElsewhere.status()).as("the route's bucket is shared, whoever calls").isEqualTo(429);
            assertThat(Tables.records(senim)).hasSize(itemsAfterBurst);
            assertThat(api.get("/v1/regions?lang=kk", Map.of()).status()).as("another route has its own bucket")
                    .isEqualTo(200);

            clock.advance(Duration.ofMillis(Math.round(1000 / REPORTS.rateLimit())));
            assertThat(submit(api, 1, Map.of())).as("a token later, one more gets through").containsExactly(201);
            assertThat(submit(api, 1, Map.of())).containsExactly(429);
        }
    }

    @Test
    void belowTheLimitNothingIsRefused() {
        MutableClock clock = MutableClock.startingNow();
        try (SenimLocal senim = SenimLocal.start(Options.forTests(), clock)) {
            LocalApi api = new LocalApi(senim);
            List<Integer> statuses = new ArrayList<>();

            // Three bursts, each as large as the route takes, a refill apart: busy hours, compressed.
            for (int round = 0; round < 3; round++) {
                statuses.addAll(regions(api, REGIONS.burstLimit()));
                clock.advance(Duration.ofSeconds((long) Math.ceil(REGIONS.burstLimit() / REGIONS.rateLimit())));
            }

            assertThat(statuses).hasSize(3 * REGIONS.burstLimit()).containsOnly(200);
            assertThat(regions(api, REGIONS.burstLimit() + 1)).as("and one more than a burst is refused")
                    .containsOnlyOnce(429);
        }
    }

    @Test
    void noThrottleRefusesNothing() {
        MutableClock clock = MutableClock.startingNow();
        try (SenimLocal senim = SenimLocal.start(Options.forTests().withoutThrottle(), clock)) {
            LocalApi api = new LocalApi(senim);

            List<Integer> regions = regions(api, 3 * REGIONS.burstLimit());
            List<Integer> reports = submit(api, REPORTS.burstLimit() + 1, Map.of());

            assertThat(regions).hasSize(3 * REGIONS.burstLimit()).containsOnly(200);
            assertThat(reports).hasSize(REPORTS.burstLimit() + 1).containsOnly(201);
            assertThat(senim.banner()).contains("none (--no-throttle)");
        }
    }

    private static List<Integer> regions(LocalApi api, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(api.get("/v1/regions?lang=ru", Map.of()).status());
        }
        return statuses;
    }
}
