package kz.senim.alerting.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.senim.alerting.PagingWindows;
import kz.senim.alerting.PagingWindows.Decision;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.directory.PagingLimit;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DynamoDbPagingWindows} on DynamoDB Local: counting pages under concurrent dispatchers. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class PagingWindowsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PagingLimit FIVE_PER_TEN_MINUTES = PagingLimit.DEFAULT;
    private static final String COMMISSION = "kz-75-commission";

    private final Instant now = Instant.parse("2026-11-23T12:03:00Z");
    private DynamoDbPagingWindows windows;

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        windows = new DynamoDbPagingWindows(engine.client(), TestTables.create(engine).cases());
    }

    @Test
    void ofThirtyAlertsDecidedByTwelveConcurrentDispatchersFiveArePagesOneIsTheDigestAndTheRestCountedInIt()
            throws Exception {
        List<Alert> flood = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            flood.add(alert(COMMISSION, i % 3 == 0 ? "KZ-19" : "KZ-75"));
        }
        List<Callable<List<Decision>>> dispatchers = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            int first = d;
            dispatchers.add(() -> {
                List<Decision> decided = new ArrayList<>();
                for (int i = first; i < flood.size(); i += 12) {
                    decided.addAll(windows.decideAll(List.of(flood.get(i)), id -> FIVE_PER_TEN_MINUTES, now));
                }
                return decided;
            });
        }
        List<Decision> decisions = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<List<Decision>> decided : threads.invokeAll(dispatchers, 30, TimeUnit.SECONDS)) {
                decisions.addAll(decided.get());
            }
        }

        assertThat(decisions).hasSize(30);
        assertThat(decisions).filteredOn(d -> d instanceof Decision.Page).hasSize(5);
        List<Decision.Digest> digests = decisions.stream().filter(d -> d instanceof Decision.Digest)
                .map(d -> (Decision.Digest) d).toList();
        assertThat(digests).singleElement().satisfies(digest -> {
            assertThat(digest.count()).isBetween(6, 30);
            assertThat(digest.windowStart()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        });
        List<String> into = decisions.stream().filter(d -> d instanceof Decision.Coalesced)
                .map(d -> ((Decision.Coalesced) d).digestAlertId()).distinct().toList();
        assertThat(into).singleElement().satisfies(digestId ->
                assertThat(flood).extracting(Alert::alertId).contains(digestId));
        assertThat(decisions).filteredOn(d -> d instanceof Decision.Coalesced).hasSize(24);
    }

    @Test
    void aStormGoesOnIntoTheNextWindowWithItsDigestOnlyUntilSomeoneAcknowledges() {
        PagingLimit one = new PagingLimit(1, Duration.ofMinutes(10));
        assertThat(decide(alert(COMMISSION, "KZ-75"), one, now)).isInstanceOf(Decision.Page.class);
        assertThat(decide(alert(COMMISSION, "KZ-75"), one, now)).isInstanceOf(Decision.Digest.class);
        Instant next = now.plus(Duration.ofMinutes(10));

        assertThat(decide(alert(COMMISSION, "KZ-75"), one, next)).isInstanceOf(Decision.Digest.class);
        assertThat(decide(alert(COMMISSION, "KZ-75"), one, next)).isInstanceOf(Decision.Coalesced.class);
        assertThat(decide(alert("kz-71-commission", "KZ-71"), one, next)).as("another organisation")
                .isInstanceOf(Decision.Page.class);

        windows.acknowledged(COMMISSION, next.plusSeconds(5));
        Instant after = next.plus(Duration.ofMinutes(10));
        assertThat(decide(alert(COMMISSION, "KZ-75"), one, after)).isInstanceOf(Decision.Page.class);
        assertThat(decide(alert(COMMISSION, "KZ-75"), one, after)).as("a new storm")
                .isInstanceOf(Decision.Digest.class);
    }

    @Test
    void aPageWhosePublicationFailedIsGivenBackAndTheDigestStaysWithItsAlert() {
        PagingLimit one = new PagingLimit(1, Duration.ofMinutes(10));
        Alert first = alert(COMMISSION, "KZ-75");
        Decision page = decide(first, one, now);
        windows.undo(first, page);

        assertThat(decide(alert(COMMISSION, "KZ-75"), one, now)).as("the page given back is taken again")
                .isInstanceOf(Decision.Page.class);
        Alert digest = alert(COMMISSION, "KZ-75");
        Decision.Digest decided = (Decision.Digest) decide(digest, one, now);
        windows.undo(digest, decided);
        assertThat(decide(digest, one, now)).as("its retry").isEqualTo(new Decision.Digest(decided.count(),
                decided.regions(), decided.windowStart()));
    }

    private Decision decide(Alert alert, PagingLimit limit, Instant at) {
        return windows.decideAll(List.of(alert), id -> limit, at).getFirst();
    }

    private Alert alert(String organisation, String region) {
        return Alert.of(Reference.random(RANDOM), organisation, new RegionCode(region), Category.BEGGING,
                Severity.HIGH, now);
    }

    @Test
    void windowsAreAlignedToMultiplesOfTheirLength() {
        assertThat(PagingWindows.windowStart(Instant.parse("2026-11-23T12:09:59.999Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(PagingWindows.windowStart(Instant.parse("2026-11-23T12:10:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-23T12:10:00Z"));
    }
}
