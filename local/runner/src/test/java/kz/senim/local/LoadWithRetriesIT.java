package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kz.senim.local.engines.SnsEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Load with retries, as flaky mobile networks make it: N reports sent at once, each by its own client, which sends it
 * again a random number of times (some while the first is still on its way) with its own Idempotency-Key. Exactly N
 * cases and exactly one alert per (case, organisation), in the tables and in the emulator's queues.
 */
@Timeout(240)
class LoadWithRetriesIT {

    /**
     * N = 12: one report per region, so each regional commission is paged once, far below its paging limit (a page
     * coalesced into a digest would be no message of its own).
     */
    private static final List<String> REGIONS = List.of("KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27",
            "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-71", "KZ-75");

    @Test
    void nConcurrentReportsRetriedAtRandomAreNCasesAndOneAlertPerCaseAndOrganisationEverywhere() throws Exception {
        try (SnsEmulator sns = SnsEmulator.start();
             SenimLocal senim = SenimLocal.start(Options.forTests().withoutThrottle().withSnsEndpoint(sns.endpoint()))) {
            LocalApi api = new LocalApi(senim);
            String queue = SnsQueues.subscribe(sns, REGIONS.stream().map(LoadWithRetriesIT::commission).toList(),
                    "load-commissions");
            List<Callable<Set<String>>> clients = new ArrayList<>();
            for (String region : REGIONS) {
                String key = ReportBodies.newKey();
                String body = ReportBodies.witnessInAstana().put("region", region).toString();
                int sends = 1 + ThreadLocalRandom.current().nextInt(3);
                for (int send = 0; send < sends; send++) {
                    clients.add(() -> {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(50));
                        LocalApi.Answer answer = api.submit(key, body);
                        assertThat(answer.status()).isEqualTo(201);
                        return Set.of(region + " " + answer.json().path("reference").asText());
                    });
                }
            }
            Set<String> answered = new TreeSet<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
                for (Future<Set<String>> answer : threads.invokeAll(clients, 180, TimeUnit.SECONDS)) {
                    answered.addAll(answer.get());
                }
            }
            assertThat(answered).as("every send of a report got the same reference").hasSize(REGIONS.size());

            List<Map<String, AttributeValue>> alerts = await("every alert published").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> Tables.ofKind(Tables.cases(senim), "ALERT"), items -> items.size() >= REGIONS.size()
                            && items.stream().allMatch(i -> i.containsKey("publishedAt")));
            assertThat(Tables.ofKind(Tables.cases(senim), "REPORT")).hasSize(REGIONS.size());
            assertThat(alerts).hasSize(REGIONS.size());
            assertThat(Tables.ofKind(Tables.cases(senim), "IDEMPOTENCY")).hasSize(REGIONS.size());

            Map<String, Integer> received = SnsQueues.countByAlertId(sns, List.of(queue));
            Map<String, Integer> expected = new HashMap<>();
            for (String regionAndReference : answered) {
                String[] parts = regionAndReference.split(" ");
                expected.put(parts[1] + "." + commission(parts[0]), 1);
            }
            assertThat(received).isEqualTo(expected);
        }
    }

    private static String commission(String region) {
        return "kz-" + region.substring(3) + "-commission";
    }


}
