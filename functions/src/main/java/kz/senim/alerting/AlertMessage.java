package kz.senim.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.alerting.PagingWindows.Decision.Digest;
import kz.senim.cases.Alert;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCatalogue;

/**
 * The alert as responders' channels receive it. Machines get the {@link #toJson() JSON} of schema version 1,
 * documented in {@code alert-message.v1.schema.json}; people get {@link #texts()}: an SMS and an e-mail in the
 * organisation's language. It names the case and how urgent it is, and never carries the narrative or anything about
 * the reporter: the details stay behind authentication. New fields may be added within version 1; none may be
 * removed or renamed. A {@code digest} stands for a flood of reports to one organisation in one window. A notice (an
 * erasure coming, referrals revoked) is of kind {@code notice} and carries {@code notice} and, for an erasure,
 * {@code erasureDueAt}.
 */
public record AlertMessage(Alert alert, Optional<String> acknowledgeUrl, Optional<Digest> digest, AlertTexts texts) {

    public static final String SCHEMA_VERSION = "1";
    /** {@code kind} of a page about one report, and of the one page per window that stands for a flood of them. */
    public static final String KIND_ALERT = "alert";
    public static final String KIND_DIGEST = "digest";
    /** {@code kind} of a notice about a case the organisation already knows ({@link Alert.Notice}): no page. */
    public static final String KIND_NOTICE = "notice";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message without an acknowledgement link, its texts in English. */
    public AlertMessage(Alert alert) {
        this(alert, Optional.empty());
    }

    /** A page about one report, its texts in English, without a link to the console. */
    public AlertMessage(Alert alert, Optional<String> acknowledgeUrl) {
        this(alert, acknowledgeUrl, Optional.empty());
    }

    /** A page (or a window's digest), its texts in English, without a link to the console. */
    public AlertMessage(Alert alert, Optional<String> acknowledgeUrl, Optional<Digest> digest) {
        this(alert, acknowledgeUrl, digest, Plain.WORDING.texts(AlertWording.Subject.of(alert, digest),
                Language.DEFAULT, acknowledgeUrl, alert.organisationId()));
    }

    /** A page about one report with its texts written. */
    public AlertMessage(Alert alert, Optional<String> acknowledgeUrl, AlertTexts texts) {
        this(alert, acknowledgeUrl, Optional.empty(), texts);
    }

    public String kind() {
        return alert.isNotice() ? KIND_NOTICE : digest.isPresent() ? KIND_DIGEST : KIND_ALERT;
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
        body.put("kind", kind());
        digest.ifPresent(d -> {
            body.put("count", d.count());
            ArrayNode regions = body.putArray("regions");
            d.regions().forEach(regions::add);
            body.put("windowStart", d.windowStart().toString());
        });
        alert.notice().ifPresent(notice -> {
            body.put("notice", notice.kind().code());
            notice.dueAt().ifPresent(due -> body.put("erasureDueAt", due.toString()));
        });
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
        alert.notice().ifPresent(notice -> attributes.put("notice", notice.kind().code()));
        return attributes;
    }

    /** One line for a log: what, where, how urgent; nothing else. */
    public String summary() {
        if (alert.notice().isPresent()) {
            Alert.Notice notice = alert.notice().get();
            return "Senim notice " + notice.kind().code() + " " + alert.reference() + " region " + alert.region()
                    + notice.dueAt().map(due -> " erasure due " + due).orElse("");
        }
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
