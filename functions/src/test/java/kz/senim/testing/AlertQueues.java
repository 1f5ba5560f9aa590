package kz.senim.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.local.engines.SnsEngine;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Responders' channels on the SNS/SQS emulator: a queue subscribed to an organisation's alert topic (raw delivery:
 * the alert message as the body, its attributes as SQS message attributes), and reading one until it stays quiet.
 */
public final class AlertQueues {

    private final SnsEngine sns;
    private final String topicNamePrefix;

    /** @param topicNamePrefix topic name = this + organisation id */
    public AlertQueues(SnsEngine sns, String topicNamePrefix) {
        this.sns = sns;
        this.topicNamePrefix = topicNamePrefix;
    }

    /** The organisation's topic (created if need be) with a fresh queue subscribed to it; the queue's URL. */
    public String subscribe(String organisationId) {
        String topicArn = sns.sns().createTopic(r -> r.name(topicNamePrefix + organisationId)).topicArn();
        SqsClient sqs = sns.sqs();
        String url = sqs.createQueue(r -> r.queueName("q-" + UUID.randomUUID().toString().substring(0, 12)))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return url;
    }

    /**
     * Everything the queue receives until it holds {@code expected} messages (or {@code patience} passes), and then
     * for {@code quiet} more: an extra or duplicate message is seen too. Bounded in time either way.
     */
    public List<Message> drain(String queueUrl, int expected, Duration patience, Duration quiet) {
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (received.size() < expected && System.nanoTime() < deadline) {
            received.addAll(receive(queueUrl));
        }
        long quietUntil = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietUntil) {
            received.addAll(receive(queueUrl));
        }
        return received;
    }

    /** The {@code alertId} message attribute of each message, in order. */
    /**
     * The v1 JSON of a delivered alert. AWS gives an SQS subscriber the {@code default} part of a message published
     * with {@code MessageStructure=json}; fauxqs gives it the whole structure: both are read here.
     */
    public static com.fasterxml.jackson.databind.JsonNode defaultJson(Message message) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode body = json.readTree(message.body());
            return body.has("default") ? json.readTree(body.path("default").asText()) : body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("an alert message that is not JSON", e);
        }
    }

    public static List<String> alertIds(List<Message> messages) {
        return messages.stream().map(m -> m.messageAttributes().get("alertId").stringValue()).toList();
    }

    /** How many of the messages carry each alert id. */
    public static Map<String, Integer> countByAlertId(List<Message> messages) {
        Map<String, Integer> counts = new HashMap<>();
        alertIds(messages).forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private List<Message> receive(String queueUrl) {
        SqsClient sqs = sns.sqs();
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        messages.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }
}
