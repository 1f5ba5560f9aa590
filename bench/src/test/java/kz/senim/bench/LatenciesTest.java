package kz.senim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        List<Long> nanos = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            nanos.add(i * MS);
        }
        Collections.shuffle(nanos);

        Latencies latencies = Latencies.of(nanos, 10_000 * MS);

        assertThat(latencies.p50Ms()).isEqualTo(50.0);
        assertThat(latencies.p99Ms()).isEqualTo(99.0);
        assertThat(latencies.percentileMs(100)).isEqualTo(100.0);
        assertThat(latencies.count()).isEqualTo(100);
    }

    @Test
    void withFewCallsTheP99IsTheSlowest() {
        Latencies latencies = Latencies.of(List.of(3 * MS, 1 * MS, 2 * MS), 6 * MS);

        assertThat(latencies.p50Ms()).isEqualTo(2.0);
        assertThat(latencies.p99Ms()).isEqualTo(3.0);
    }

    @Test
    void theRateIsCallsOverTheWallTimeOfTheSeries() {
        Latencies fourAtOnce = Latencies.of(List.of(500 * MS, 500 * MS, 500 * MS, 500 * MS), 500 * MS);

        assertThat(fourAtOnce.perSecond()).isEqualTo(8.0);
        assertThat(Latencies.rate(8.0)).isEqualTo("8.0");
        assertThat(Latencies.ms(12.34)).isEqualTo("12.3 ms");
        assertThat(Latencies.ms(230.4)).isEqualTo("230 ms");
    }

    @Test
    void aSeriesHasCalls() {
        assertThatThrownBy(() -> Latencies.of(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
