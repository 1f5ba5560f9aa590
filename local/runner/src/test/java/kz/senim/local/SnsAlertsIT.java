package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.local.engines.SnsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** With an SNS endpoint (the fauxqs emulator), alerts go to each organisation's topic, as in AWS. */
class SnsAlertsIT {

    private static SnsEmulator sns;
    private static SenimLocal senim;
    private static LocalApi api;

    @BeforeAll
    static void startSenimWithSns() {
        sns = SnsEmulator.start();
        senim = SenimLocal.start(Options.forTests().withSnsEndpoint(sns.endpoint()));
        api = new LocalApi(senim);
    }

    @AfterAll
    static void stop() {
        if (senim != null) {
            senim.close();
        }
        if (sns != null) {
            sns.close();
        }
    }

    @Test
    void theRegionalCommissionsQueueReceivesTheAlertWithAttributesToFilterOn() {
        String queueUrl = subscribedQueue("kz-75-commission", "kz75-commission-on-call");
        ObjectNode report = ReportBodies.victimInAlmatyInDanger();

        String reference = api.submit(ReportBodies.newKey(), report.toString()).json().path("reference").asText();
        Message message = await("the alert about " + reference + " in the commission's queue")
                .atMost(LocalApi.PATIENCE).until(() -> receive(queueUrl), messages -> !messages.isEmpty()).getFirst();

        JsonNode alert = LocalApi.parse(v1(message.body()));
        assertThat(alert.path("reference").asText()).isEqualTo(reference);
        assertThat(alert.path("organisationId").asText()).isEqualTo("kz-75-commission");
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(message.messageAttributes()).containsEntry("region", text("KZ-75"))
                .containsEntry("category", text("forced_labour"))
                .containsEntry("severity", text("critical"));
        assertThat(message.body()).doesNotContain(report.path("narrative").asText())
                .doesNotContain(report.path("locality").asText());
    }

    @Test
    void theLocalAlertsShowWhatWasSentToSnsPartByPart() {
        String queueUrl = subscribedQueue("kz-71-commission", "kz71-commission-on-call");
        String reference = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString()).json()
                .path("reference").asText();
        Message message = await("the alert about " + reference + " in the Astana commission's queue")
                .atMost(LocalApi.PATIENCE).until(() -> receive(queueUrl), messages -> !messages.isEmpty()).getFirst();

        JsonNode sent = api.awaitAlerts(reference, 1).getFirst();

        JsonNode published = sent.path("published");
        assertThat(published.path("channel").asText()).isEqualTo("sns");
        assertThat(published.path("topic").asText()).isEqualTo("senim-alerts-kz-71-commission");
        assertThat(published.path("messageStructure").asText()).isEqualTo("json");
        assertThat(published.path("message").path("default").asText()).isEqualTo(v1(message.body()));
        assertThat(published.path("message").path("sms").asText()).contains(reference, "шұғылдығы")
                .contains(sent.path("acknowledgeUrl").asText());
        assertThat(published.path("message").path("email").asText()).contains(reference,
                "http://localhost:" + senim.port() + "/console/#/case/" + reference);
        assertThat(published.path("subject").asText()).startsWith("Senim " + reference + ": шұғылдығы");
    }

    /**
     * The v1 JSON a queue got: AWS gives SQS the {@code default} part of a {@code MessageStructure=json} message;
     * fauxqs hands over the whole structure.
     */
    private static String v1(String body) {
        JsonNode parsed = LocalApi.parse(body);
        return parsed.path("default").isTextual() ? parsed.path("default").asText() : body;
    }

    @Test
    void everyOrganisationOfTheDirectoryHasItsTopic() {
        List<String> topics = new ArrayList<>();
        sns.sns().listTopicsPaginator().topics().forEach(t -> topics.add(t.topicArn()));

        assertThat(topics).contains(sns.topicArn("senim-alerts-kz-75-commission"),
                sns.topicArn("senim-alerts-police-att-liaison"), sns.topicArn("senim-alerts-national-secretariat"));
    }

    private static String subscribedQueue(String organisationId, String queueName) {
        String queueUrl = sns.sqs().createQueue(r -> r.queueName(queueName)).queueUrl();
        String queueArn = sns.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String topicArn = sns.sns().createTopic(r -> r.name(SenimLocal.TOPIC_PREFIX + organisationId)).topicArn();
        sns.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return queueUrl;
    }

    private static List<Message> receive(String queueUrl) {
        return sns.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
