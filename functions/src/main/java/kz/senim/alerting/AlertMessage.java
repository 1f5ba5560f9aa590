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
 * A notice (an erasure coming, referrals revoked) carries {@code notice} and, for an erasure, {@code erasureDueAt}.
 */
public record AlertMessage(Alert alert, Optional<String> acknowledgeUrl) {

    public static final String SCHEMA_VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message without an acknowledgement link. */
    public AlertMessage(Alert alert) {
        this(alert, Optional.empty());
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
        alert.notice().ifPresent(notice -> {
            body.put("notice", notice.kind().code());
            notice.dueAt().ifPresent(due -> body.put("erasureDueAt", due.toString()));
        });
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Attributes subscriptions filter on (SNS filter policies). */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("schemaVersion", SCHEMA_VERSION);
        attributes.put("region", alert.region().value());
        attributes.put("category", alert.category().code());
        attributes.put("severity", alert.severity().code());
        alert.notice().ifPresent(notice -> attributes.put("notice", notice.kind().code()));
        return attributes;
    }

    /** One line for an SMS or a log: what, where, how urgent; nothing else. */
    public String summary() {
        if (alert.notice().isPresent()) {
            Alert.Notice notice = alert.notice().get();
            return "Senim notice " + notice.kind().code() + " " + alert.reference() + " region " + alert.region()
                    + notice.dueAt().map(due -> " erasure due " + due).orElse("");
        }
        return "Senim " + alert.severity().code() + " alert " + alert.reference() + " region " + alert.region()
                + " category " + alert.category().code();
    }
}
