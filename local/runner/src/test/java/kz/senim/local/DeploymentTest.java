package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.List;
import java.util.Map;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/** The runner configures each function as the template does, not as the runner happens to think. */
class DeploymentTest {

    private final Deployment deployment = new Deployment(SamTemplate.load(), "eu-central-1", "000000000000", Map.of(
            "ACK_LINK_SECRET_ARN", Map.of("ACK_LINK_SECRET", "a-local-key"),
            "RECEIPT_KEY_SECRET_ARN", Map.of("RECEIPT_KEYS", "local-receipt-keys"),
            "CONTENT_KEY_ARN", Map.of("CONTENT_KEK", "a-local-kek"),
            "PUBLIC_BASE_URL", Map.of("PUBLIC_BASE_URL", "http://localhost:8080"),
            "CONSOLE_BASE_URL", Map.of("CONSOLE_BASE_URL", "http://localhost:8080/console/")));

    @Test
    void eachFunctionGetsTheEnvironmentVariablesTheTemplateGivesItResolved() {
        assertThat(deployment.environment("SubmitReportFunction"))
                .containsEntry("CASES_TABLE", "senim-cases")
                .containsEntry("DIRECTORY_TABLE", "senim-directory")
                .containsEntry("AWS_REGION", "eu-central-1");
        assertThat(deployment.environment("ReportStatusFunction"))
                .containsEntry("CASES_TABLE", "senim-cases")
                .doesNotContainKey("DIRECTORY_TABLE");
        assertThat(deployment.environment("AlertDispatcherFunction"))
                .containsEntry("ALERT_TOPIC_ARN_PREFIX", "arn:aws:sns:eu-central-1:000000000000:senim-alerts-");
    }

    @Test
    void whatExistsOnlyInAwsIsReplacedByItsLocalSubstitute() {
        Map<String, String> dispatcher = deployment.environment("AlertDispatcherFunction");
        Map<String, String> linkHandler = deployment.environment("AcknowledgementLinkFunction");

        assertThat(dispatcher).containsEntry("PUBLIC_BASE_URL", "http://localhost:8080")
                .containsEntry("CONSOLE_BASE_URL", "http://localhost:8080/console/");
        assertThat(linkHandler).doesNotContainKey("ACK_LINK_SECRET_ARN")
                .containsEntry("ACK_LINK_SECRET", "a-local-key")
                .containsEntry("CONSOLE_BASE_URL", "http://localhost:8080/console/");
        assertThat(deployment.environment("SubmitReportFunction"))
                .doesNotContainKeys("RECEIPT_KEY_SECRET_ARN", "CONTENT_KEY_ARN")
                .containsEntry("RECEIPT_KEYS", "local-receipt-keys")
                .containsEntry("CONTENT_KEK", "a-local-kek")
                .containsEntry("CASE_KEYS_TABLE", "senim-case-keys");
    }

    @Test
    void everyVariableOfEveryFunctionResolvesLocally() {
        for (SamTemplate.Function function : SamTemplate.load().functions()) {
            assertThat(deployment.environment(function.logicalId())).as(function.logicalId())
                    .containsKey("AWS_REGION")
                    .allSatisfy((name, value) -> assertThat(value).as(name).doesNotContain("${").isNotBlank());
        }
    }

    @Test
    void theDispatcherReadsTheCasesStreamAsTheEventSourceMappingSays() {
        List<DynamoDbEventSource> sources = DynamoDbEventSource.of(SamTemplate.load(), "AlertDispatcherFunction");

        assertThat(sources).hasSize(1);
        DynamoDbEventSource source = sources.getFirst();
        assertThat(source.tableLogicalId()).isEqualTo("CasesTable");
        assertThat(source.reportsBatchItemFailures()).isTrue();
        assertThat(source.settings().batchSize()).isEqualTo(10);
        assertThat(source.settings().maximumRetryAttempts()).isEqualTo(10);
        assertThat(source.settings().startingPosition()).isEqualTo(ShardIteratorType.TRIM_HORIZON);
        assertThat(source.settings().filter().test(record("INSERT", "ALERT"))).isTrue();
        assertThat(source.settings().filter().test(record("INSERT", "REPORT"))).isFalse();
        assertThat(source.settings().filter().test(record("INSERT", "IDEMPOTENCY"))).isFalse();
        assertThat(source.settings().filter().test(record("MODIFY", "ALERT"))).isFalse();
        assertThat(DynamoDbEventSource.of(SamTemplate.load(), "SubmitReportFunction")).isEmpty();
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String kind) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(new StreamRecord().withNewImage(Map.of("kind", new AttributeValue().withS(kind),
                "pk", new AttributeValue().withS("CASE#SN-1"))));
        return record;
    }
}
