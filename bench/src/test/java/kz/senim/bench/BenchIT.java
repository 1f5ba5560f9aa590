package kz.senim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench end to end with tiny counts: it runs and its table has every row. Its numbers mean nothing here and
 * nothing is asserted about them.
 */
class BenchIT {

    @Test
    void aRunProducesTheTableWithEveryFigureAndEveryFunction(@TempDir Path output) throws Exception {
        BenchSettings settings = BenchSettings.smoke(BenchSettings.findRoot(Path.of("")), output);

        BenchResult result = Bench.run(settings, "BenchIT");
        Path file = Bench.write(result);

        List<String> functions = SamTemplate.load().functions().stream().map(SamTemplate.Function::logicalId).toList();
        assertThat(result.coldStarts()).extracting(ColdStarts.Row::function)
                .containsExactlyInAnyOrderElementsOf(functions);
        assertThat(result.coldStarts()).allSatisfy(row -> {
            assertThat(row.ok()).as(row.function() + ": " + row.outcome() + " " + row.note()).isTrue();
            assertThat(row.totalMs()).as(row.function()).isPositive();
            assertThat(row.bareMs()).as(row.function()).isPositive();
        });
        assertThat(result.cloudFormationAnswers()).as("the seed function answered CloudFormation").isEqualTo(1);
        assertThat(result.transactionItems()).as("report, alerts, idempotency record").isGreaterThanOrEqualTo(3);
        assertThat(result.intakeOne().count()).isEqualTo(settings.reports());
        assertThat(result.intakeMany().count()).isEqualTo(settings.reports() * 2);
        assertThat(result.warm().count()).isEqualTo(settings.warmInvokes());
        assertThat(result.jarBytes()).isPositive();

        String markdown = Files.readString(file);
        assertThat(output.resolve("latest.md")).hasContent(markdown);
        assertThat(markdown).contains("intake, 1 client", "intake, 4 clients", "status read", "queue read",
                "warm `SubmitReportHandler`", "cold start", "Lambda jar", "peak RSS");
        for (String function : functions) {
            assertThat(markdown).contains("| " + function + " | ");
        }
    }
}
