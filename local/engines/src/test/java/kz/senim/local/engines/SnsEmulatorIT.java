package kz.senim.local.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SnsEmulatorIT {

    private static SnsEmulator emulator;

    @BeforeAll
    static void start() {
        long started = System.nanoTime();
        emulator = SnsEmulator.start();
        System.out.printf("SnsEmulator.start() took %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String queue(String name) {
        return emulator.sqs().createQueue(r -> r.queueName(name)).queueUrl();
    }

    private static String queueArn(String url) {
        return emulator.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static void subscribe(String topicArn, String queueUrl, String filterPolicy, boolean raw) {
        emulator.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn(queueUrl))
                .attributes(Map.of(
                        "FilterPolicy", filterPolicy,
                        "FilterPolicyScope", "MessageAttributes",
                        "RawMessageDelivery", Boolean.toString(raw))));
    }

    private static List<Message> receive(String queueUrl, int waitSeconds) {
        return emulator.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(waitSeconds)
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    @Test
    void usesFauxqsArnsInTheClientRegion() {
        String topicArn = emulator.sns().createTopic(r -> r.name("senim-alerts-arn")).topicArn();
        assertThat(topicArn).isEqualTo("arn:aws:sns:eu-central-1:000000000000:senim-alerts-arn")
                .isEqualTo(emulator.topicArn("senim-alerts-arn"))
                .startsWith(emulator.topicArnPrefix());
        assertThat(queueArn(queue("senim-arn-queue"))).isEqualTo(emulator.queueArn("senim-arn-queue"));
        assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void deliversOnlyToTheSubscriptionWhoseFilterPolicyMatches() {
        String topicArn = emulator.sns().createTopic(r -> r.name("senim-alerts-org-1")).topicArn();
        String almaty = queue("almaty-inbox");
        String astana = queue("astana-inbox");
        subscribe(topicArn, almaty, "{\"region\":[\"KZ-75\"],\"severity\":[\"HIGH\",\"CRITICAL\"]}", true);
        subscribe(topicArn, astana, "{\"region\":[\"KZ-71\"]}", false);

        String body = "{\"schemaVersion\":\"1\",\"alertId\":\"a-1\",\"region\":\"KZ-75\"}";
        emulator.sns().publish(r -> r.topicArn(topicArn).message(body).messageAttributes(Map.of(
                "schemaVersion", string("1"),
                "region", string("KZ-75"),
                "category", string("labour"),
                "severity", string("HIGH"))));

        List<Message> toAlmaty = receive(almaty, 2);
        assertThat(toAlmaty).hasSize(1);
        // raw delivery: the SNS message itself, with the SNS message attributes as SQS message attributes
        assertThat(toAlmaty.getFirst().body()).isEqualTo(body);
        assertThat(toAlmaty.getFirst().messageAttributes().get("region").stringValue()).isEqualTo("KZ-75");
        assertThat(toAlmaty.getFirst().messageAttributes().get("severity").stringValue()).isEqualTo("HIGH");
        assertThat(receive(astana, 1)).isEmpty();

        // a message for the other region reaches only the other queue, wrapped in the SNS envelope
        emulator.sns().publish(r -> r.topicArn(topicArn).message("{\"region\":\"KZ-71\"}").messageAttributes(Map.of(
                "region", string("KZ-71"),
                "severity", string("LOW"))));
        List<Message> toAstana = receive(astana, 2);
        assertThat(toAstana).hasSize(1);
        assertThat(toAstana.getFirst().body())
                .contains("\"Type\":\"Notification\"")
                .contains("\"TopicArn\":\"" + topicArn + "\"")
                .contains("\"Message\":\"{\\\"region\\\":\\\"KZ-71\\\"}\"")
                .contains("\"region\":{\"Type\":\"String\",\"Value\":\"KZ-71\"}");
        assertThat(receive(almaty, 1)).isEmpty();
    }

    @Test
    void closeStopsTheNodeProcess() {
        SnsEmulator second = SnsEmulator.start();
        ProcessHandle node = second.process();
        assertThat(node.isAlive()).isTrue();
        second.close();
        second.close();
        assertThat(node.isAlive()).isFalse();
    }

    @Test
    void failsClearlyWithoutNode() {
        String previous = System.getProperty(SnsEmulator.NODE_PROPERTY);
        System.setProperty(SnsEmulator.NODE_PROPERTY, "/nonexistent/bin/node");
        try {
            assertThatThrownBy(SnsEmulator::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Node.js 20 or newer")
                    .hasMessageContaining("/nonexistent/bin/node");
        } finally {
            if (previous == null) {
                System.clearProperty(SnsEmulator.NODE_PROPERTY);
            } else {
                System.setProperty(SnsEmulator.NODE_PROPERTY, previous);
            }
        }
    }
}
