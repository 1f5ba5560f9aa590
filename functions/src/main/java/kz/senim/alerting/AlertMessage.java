package kz.senim.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Alert;

/**
 * The alert as responders' channels receive it: schema version 1, documented in {@code alert-message.v1.schema.json}.
 * It names the case and how urgent it is, and never carries the narrative or anything about the reporter: the
 * details stay behind authentication. New fields may be added within version 1; none may be removed or renamed.
 */
public record AlertMessage(Alert alert, Optional<String> acknowledgeUrl, Optional<PagingWindows.Decision.Digest> digest) {

    public static final String SCHEMA_VERSION = "1";
    /** {@code kind} of a page about one report, and of the one page per window that stands for a flood of them. */
    public static final String KIND_ALERT = "alert";
    public static final String KIND_DIGEST = "digest";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message without an acknowledgement link. */
    public AlertMessage(Alert alert) {
        this(alert, Optional.empty());
    }

    /** A page about one report. */
    public AlertMessage(Alert alert, Optional<String> acknowledgeUrl) {
        this(alert, acknowledgeUrl, Optional.empty());
    }

    public String kind() {
        return digest.isPresent() ? KIND_DIGEST : KIND_ALERT;
    }

    public String topicSuffix() {
        return alert.organisationId();
    }

    public String toJson() {
        ObjectNode body = JSON.createObjectNode()
                .put("schemaVersion", SCHEMA_VERSION)
                .put("alertId", alert.alertId())
                .put("reference", alert.reference().value())
                .put("organisationId", alert.organisationId())
                .put("region", alert.region().value())
                .put("category", alert.category().code())
                .put("severity", alert.severity().code())
                .put("createdAt", alert.createdAt().toString());
        acknowledgeUrl.ifPresent(url -> body.put("acknowledgeUrl", url));
        body.put("kind", kind());
        digest.ifPresent(d -> {
            body.put("count", d.count());
            com.fasterxml.jackson.databind.node.ArrayNode regions = body.putArray("regions");
            d.regions().forEach(regions::add);
            body.put("windowStart", d.windowStart().toString());
        });
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Attributes subscriptions filter on (SNS filter policies), and {@code alertId}, the de-duplication key: a message
     * delivered twice (SNS delivers at least once) carries the same id.
     */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("schemaVersion", SCHEMA_VERSION);
        attributes.put("region", alert.region().value());
        attributes.put("category", alert.category().code());
        attributes.put("severity", alert.severity().code());
        attributes.put("alertId", alert.alertId());
        attributes.put("kind", kind());
        return attributes;
    }

    /** One line for an SMS or a log: what, where, how urgent; nothing else. */
    public String summary() {
        return "Senim " + alert.severity().code() + " alert " + alert.reference() + " region " + alert.region()
                + " category " + alert.category().code();
    }
}
