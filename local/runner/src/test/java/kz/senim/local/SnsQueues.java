package kz.senim.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.senim.local.engines.SnsEmulator;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** On-call channels on the emulator: a queue per organisation's topic, read until it stays quiet (bounded). */
final class SnsQueues {

    private SnsQueues() {
    }

    /** A fresh queue subscribed (raw delivery) to the organisation's topic, which is created if need be. */
    static String subscribe(SnsEmulator sns, String organisation, String queueName) {
        return subscribe(sns, List.of(organisation), queueName);
    }

    /** A fresh queue subscribed (raw delivery) to the topics of all these organisations. */
    static String subscribe(SnsEmulator sns, List<String> organisations, String queueName) {
        String url = sns.sqs().createQueue(r -> r.queueName(queueName)).queueUrl();
        String arn = sns.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        for (String organisation : organisations) {
            String topic = sns.sns().createTopic(r -> r.name(SenimLocal.TOPIC_PREFIX + organisation)).topicArn();
            sns.sns().subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(arn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
        return url;
    }

    /** How many messages the queues received per {@code alertId} attribute, each read until quiet. */
    static Map<String, Integer> countByAlertId(SnsEmulator sns, Iterable<String> queueUrls) {
        Map<String, Integer> received = new HashMap<>();
        for (String queue : queueUrls) {
            for (Message message : drain(sns, queue)) {
                received.merge(message.messageAttributes().get("alertId").stringValue(), 1, Integer::sum);
            }
        }
        return received;
    }

    /** What the queue receives until three long polls in a row (a second each) find it empty; twenty at most. */
    static List<Message> drain(SnsEmulator sns, String queueUrl) {
        List<Message> received = new ArrayList<>();
        int emptyPolls = 0;
        for (int poll = 0; poll < 20 && emptyPolls < 3; poll++) {
            List<Message> messages = sns.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)
                    .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
            messages.forEach(m -> sns.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            received.addAll(messages);
            emptyPolls = messages.isEmpty() ? emptyPolls + 1 : 0;
        }
        return received;
    }
}
