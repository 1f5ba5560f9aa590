package kz.senim.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.AlertPublisher;
import kz.senim.cases.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts the runner published, readable at {@code GET /local/alerts} (the latest {@value #CAPACITY}), one log line
 * each. Without an SNS endpoint this is where alerts go; with one, it keeps what was sent to SNS. Each entry is the
 * v1 JSON (the fields at the top level: reference, region, category, severity, {@code acknowledgeUrl}...) and, under
 * {@code published}, the message exactly as it was published: {@code subject}, {@code messageStructure} and
 * {@code message} with its {@code default}, {@code sms} and {@code email} parts. Never the narrative.
 */
public final class OnCallInbox implements AlertPublisher {

    public static final int CAPACITY = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(OnCallInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topicPrefix;
    private final Deque<ObjectNode> messages = new ArrayDeque<>();

    /** @param topicPrefix the organisations' topic names less the organisation id */
    public OnCallInbox(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    /** Keeps the message as the organisation's channel would get it: no SNS endpoint, the inbox is the channel. */
    @Override
    public String publish(AlertMessage message) {
        String messageId = "inbox-" + UUID.randomUUID();
        keep(message, "inbox", messageId);
        return messageId;
    }

    /** A publisher that publishes through {@code sns} and keeps here what SNS took. */
    public AlertPublisher recording(AlertPublisher sns) {
        return message -> {
            String messageId = sns.publish(message);
            keep(message, "sns", messageId);
            return messageId;
        };
    }

    private void keep(AlertMessage message, String channel, String messageId) {
        ObjectNode entry;
        ObjectNode structure;
        try {
            entry = (ObjectNode) JSON.readTree(message.toJson());
            structure = (ObjectNode) JSON.readTree(message.structuredJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert message that is not JSON", e);
        }
        ObjectNode published = entry.putObject("published")
                .put("channel", channel)
                .put("messageId", messageId)
                .put("topic", topicPrefix + message.topicSuffix())
                .put("subject", message.texts().emailSubject())
                .put("messageStructure", "json");
        published.set("message", structure);
        synchronized (messages) {
            if (messages.size() == CAPACITY) {
                messages.removeFirst();
            }
            messages.addLast(entry);
        }
        Alert alert = message.alert();
        LOG.info("ALERT {} {} region={} category={} -> {} ({})", alert.severity().code().toUpperCase(Locale.ROOT),
                alert.reference().value(), alert.region().value(), alert.category().code(), alert.organisationId(),
                channel);
    }

    /** The messages kept, oldest first, optionally only those of one organisation. */
    public List<ObjectNode> alerts(Optional<String> organisationId) {
        synchronized (messages) {
            return messages.stream()
                    .filter(m -> organisationId.isEmpty() || organisationId.get().equals(m.path("organisationId").asText()))
                    .map(ObjectNode::deepCopy)
                    .toList();
        }
    }

    /** {@code {"alerts":[...]}}, as served at {@code GET /local/alerts}. */
    public ObjectNode toJson(Optional<String> organisationId) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("alerts").addAll(alerts(organisationId));
        return body;
    }
}
