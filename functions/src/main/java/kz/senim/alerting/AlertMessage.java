package kz.senim.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCatalogue;

/**
 * The alert as responders' channels receive it. Machines get the {@link #toJson() JSON} of schema version 1,
 * documented in {@code alert-message.v1.schema.json}; people get {@link #texts()}: an SMS and an e-mail in the
 * organisation's language. It names the case and how urgent it is, and never carries the narrative or anything about
 * the reporter: the details stay behind authentication. New fields may be added within version 1; none may be
 * removed or renamed.
 */
public record AlertMessage(Alert alert, Optional<String> acknowledgeUrl, AlertTexts texts) {

    public static final String SCHEMA_VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message without an acknowledgement link, its texts in English. */
    public AlertMessage(Alert alert) {
        this(alert, Optional.empty());
    }

    /** A message whose texts are in English, without a link to the console. */
    public AlertMessage(Alert alert, Optional<String> acknowledgeUrl) {
        this(alert, acknowledgeUrl, Plain.WORDING.texts(new AlertWording.Subject.OneCase(alert), Language.DEFAULT,
                acknowledgeUrl, alert.organisationId()));
    }

    public String topicSuffix() {
        return alert.organisationId();
    }

    /** The message for machines (schema version 1); SNS delivers it to every protocol without a text of its own. */
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
        return write(body);
    }

    /**
     * The SNS {@code Message} published with {@code MessageStructure=json}: {@code default} (the JSON above, for
     * SQS, HTTP, Lambda and app subscribers), {@code sms} and {@code email} (the body; its subject is
     * {@link AlertTexts#emailSubject()}, SNS's {@code Subject}).
     */
    public String structuredJson() {
        return write(JSON.createObjectNode()
                .put("default", toJson())
                .put("sms", texts.sms())
                .put("email", texts.emailBody()));
    }

    /** Attributes subscriptions filter on (SNS filter policies). */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("schemaVersion", SCHEMA_VERSION);
        attributes.put("region", alert.region().value());
        attributes.put("category", alert.category().code());
        attributes.put("severity", alert.severity().code());
        return attributes;
    }

    /** One line for a log: what, where, how urgent; nothing else. */
    public String summary() {
        return "Senim " + alert.severity().code() + " alert " + alert.reference() + " region " + alert.region()
                + " category " + alert.category().code();
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The wording of messages made without a composer (tests, tools): region names, no console. */
    private static final class Plain {
        static final AlertWording WORDING = new AlertWording(RegionCatalogue.load(), Optional.empty());
    }
}
