package kz.senim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.Test;

/** The cold-start table has a row for every function of the template only if the bench knows how to start each. */
class ScenariosTest {

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyFunctionOfTheTemplateHasAnEventAndAFirstCall() {
        List<String> functions = template.functions().stream().map(SamTemplate.Function::logicalId).toList();
        List<String> scenarios = ColdStarts.SCENARIOS.stream().map(ColdStarts.Scenario::logicalId).toList();

        assertThat(functions).isNotEmpty();
        assertThat(scenarios).containsExactlyInAnyOrderElementsOf(functions);
    }

    @Test
    void everyScenarioStartsFromAnEventFixtureOfTheHandlerTests() {
        Path events = BenchSettings.findRoot(Path.of("")).resolve("functions/src/test/resources/events");

        assertThat(ColdStarts.SCENARIOS).allSatisfy(scenario ->
                assertThat(events.resolve(scenario.fixture())).isRegularFile());
    }

    @Test
    void theFunctionsRunInTheOrderACaseLivesThroughThem() {
        List<String> ordered = ColdStarts.inLifecycleOrder(template.functions()).stream()
                .map(SamTemplate.Function::logicalId).toList();

        assertThat(ordered.indexOf("AcknowledgeAlertFunction")).isLessThan(ordered.indexOf("ChangeCaseStatusFunction"));
        assertThat(ordered.indexOf("ReferToServiceFunction")).isLessThan(ordered.indexOf("ChangeReferralStatusFunction"));
        assertThat(ordered).hasSameSizeAs(template.functions());
        assertThat(ordered.subList(ordered.indexOf("WithdrawReportFunction") + 1, ordered.size()))
                .as("after the withdrawal only what needs no case: the case's content is gone")
                .containsExactly("EraseDueContentFunction");
    }
}
