package kz.senim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final long MS = 1_000_000;

    /** {@code count} calls of {@code ms} each, {@code count} of them in {@code wallMs}. */
    private static Latencies calls(int count, long ms, long wallMs) {
        return Latencies.of(Collections.nCopies(count, ms * MS), wallMs * MS);
    }

    private static ColdStarts.Row cold(String function, double total, double bare, boolean ok) {
        return new ColdStarts.Row(function, "kz.senim.X", total / 2, total / 2, total, bare, ok ? "HTTP 200" : "HTTP 500",
                ok, ok ? "" : "boom");
    }

    private static BenchResult result(long jarBytes, List<ColdStarts.Row> cold) {
        BenchSettings settings = BenchSettings.smoke(Path.of("/project"), Path.of("/project/target/bench"));
        return new BenchResult(settings, Instant.parse("2026-12-02T10:00:00Z"), Duration.ofSeconds(125),
                "2 CPUs", "./senim bench",
                calls(10, 20, 200),          // intake, 1 client: p50 20 ms
                calls(4, 50, 1000),          // intake, 4 clients: 4 reports/s
                calls(10, 10, 100),          // raw, 1 thread: p50 10 ms
                calls(10, 5, 1000),          // raw, 4 threads: 10 tx/s
                5,
                calls(5, 30, 150), calls(5, 10, 50),   // status read 30 ms against GetItem 10 ms
                calls(5, 8, 40), calls(5, 4, 20),      // queue read 8 ms against Query 4 ms
                calls(5, 25, 125),                     // warm 25 ms
                cold, "-XX:TieredStopAtLevel=1", jarBytes, 400_000_000, "VmHWM", 1);
    }

    @Test
    void eachRatioIsJudgedAgainstItsTargetBoundariesIncluded() {
        String md = BenchReport.markdown(result(16_700_000, List.of(cold("A", 1200, 1000, true))));

        assertThat(md).contains("| p50 2.00× | p50 ≤ 2× | yes |");
        assertThat(md).contains("| throughput 0.40× (p50 10×) | throughput ≥ 0.4× | yes |");
        assertThat(md).contains("| p50 3.00× | p50 ≤ 2× | no |");
        assertThat(md).contains("| p50 2.50× | ≤ 2× | no |");
        assertThat(md).contains("| p50 2.00× | — | — |");
        assertThat(md).contains("| 16.7 MB | — | — | ≤ 10 MB | no |");
        assertThat(md).contains("| 400 MB | VmHWM |");
    }

    @Test
    void everyFunctionMustMeetTheColdStartTargetAndAFailedOneDoesNot() {
        String md = BenchReport.markdown(result(10_000_000, List.of(
                cold("Fast", 1300, 1000, true), cold("Slow", 1500, 1000, true), cold("Broken", 100, 1000, false))));

        assertThat(md).contains("(worst function: Slow) | 1500 ms | bare JVM, same flags, same clients and first"
                + " call: 1000 ms | 1.50× (median of the functions 1.40×) | ≤ 1.3× for every function | no (1 of 3) |");
        assertThat(md).contains("| Fast | HTTP 200 | 650 | 650 | 1300 | 1000 | 1.30× | yes |");
        assertThat(md).contains("| Slow | HTTP 200 | 750 | 750 | 1500 | 1000 | 1.50× | no |");
        assertThat(md).contains("| Broken | HTTP 500 (failed: boom) |");
        assertThat(md).contains("| 10.0 MB | — | — | ≤ 10 MB | yes |");
    }

    @Test
    void theRunIsDescribed() {
        String md = BenchReport.markdown(result(1, List.of(cold("A", 1, 1, true))));

        assertThat(md).contains("## Senim bench, 2026-12-02 10:00 UTC", "Machine: 2 CPUs", "`./senim bench`",
                "took 2 min 5 s", "`-XX:TieredStopAtLevel=1`");
    }
}
