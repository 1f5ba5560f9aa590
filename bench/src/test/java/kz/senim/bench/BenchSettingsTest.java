package kz.senim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private static final Path ROOT = Path.of("/project");

    @Test
    void byDefaultTheBenchRunsTheFullCountsAndWritesToTargetBench() {
        BenchSettings settings = BenchSettings.parse(List.of(), ROOT);

        assertThat(settings.profile()).isEqualTo("full");
        assertThat(settings.clients()).isEqualTo(4);
        assertThat(settings.output()).isEqualTo(Path.of("/project/target/bench"));
        assertThat(settings.lambdaJar()).isEqualTo(Path.of("/project/functions/target/senim-functions-lambda.jar"));
    }

    @Test
    void quickRunsFewerOfEverything() {
        BenchSettings full = BenchSettings.parse(List.of(), ROOT);
        BenchSettings quick = BenchSettings.parse(List.of("--quick"), ROOT);

        assertThat(quick.profile()).isEqualTo("quick");
        assertThat(quick.reports()).isLessThan(full.reports());
        assertThat(quick.rawCalls()).isLessThan(full.rawCalls());
        assertThat(quick.warmInvokes()).isLessThan(full.warmInvokes());
        assertThat(quick.coldRepeats()).isLessThanOrEqualTo(full.coldRepeats());
    }

    @Test
    void eachCountCanBeGivenAndTheOthersStay() {
        BenchSettings settings = BenchSettings.parse(List.of("--quick", "--reports", "7", "--cold-repeats", "3"),
                ROOT);
        BenchSettings quick = BenchSettings.quick(ROOT);

        assertThat(settings.reports()).isEqualTo(7);
        assertThat(settings.coldRepeats()).isEqualTo(3);
        assertThat(settings.rawCalls()).isEqualTo(quick.rawCalls());
        assertThat(settings.reads()).isEqualTo(quick.reads());
    }

    @Test
    void warmGivesTheTimedInvocationsAndAsManyWarmUps() {
        BenchSettings settings = BenchSettings.parse(List.of("--warm", "12"), ROOT);

        assertThat(settings.warmInvokes()).isEqualTo(12);
        assertThat(settings.warmWarmups()).isEqualTo(12);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--fast"), ROOT)).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--reports"), ROOT))
                .hasMessageContaining("--reports needs a whole number");
        assertThatThrownBy(() -> BenchSettings.parse(List.of("--raw", "0"), ROOT))
                .hasMessageContaining("--raw needs a whole number of at least 1");
        assertThat(BenchSettings.USAGE).contains("--quick", "--cold-repeats");
    }

    @Test
    void theProjectIsFoundFromAModuleDirectory() {
        Path root = BenchSettings.findRoot(Path.of(""));

        assertThat(root.resolve("functions")).isDirectory();
        assertThat(BenchSettings.findRoot(root.resolve("bench"))).isEqualTo(root);
    }
}
