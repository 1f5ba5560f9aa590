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
 * Where alerts go locally when no SNS endpoint is configured: kept in memory (the latest {@value #CAPACITY}), one log
 * line per alert, and readable at {@code GET /local/alerts}. Holds exactly the message an organisation's topic would
 * get (schema version 1): reference, region, category, severity, never the narrative.
 */
public final class OnCallInbox implements AlertPublisher {

    public static final int CAPACITY = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(OnCallInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deque<ObjectNode> messages = new ArrayDeque<>();

    @Override
    public String publish(AlertMessage message) {
        ObjectNode json;
        try {
            json = (ObjectNode) JSON.readTree(message.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert message that is not JSON", e);
        }
        synchronized (messages) {
            if (messages.size() == CAPACITY) {
                messages.removeFirst();
            }
            messages.addLast(json);
        }
        Alert alert = message.alert();
        LOG.info("ALERT {} {} region={} category={} -> {}", alert.severity().code().toUpperCase(Locale.ROOT),
                alert.reference().value(), alert.region().value(), alert.category().code(), alert.organisationId());
        return "inbox-" + UUID.randomUUID();
    }

    /** The messages received, oldest first, optionally only those of one organisation. */
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
