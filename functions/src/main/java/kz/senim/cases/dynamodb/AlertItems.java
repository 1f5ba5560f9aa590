package kz.senim.cases.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The outbox item of an alert in the cases table: {@code pk=CASE#<reference>}, {@code sk=ALERT#<organisation>}. Written
 * by intake in the report's transaction, read back from the table's stream by the dispatcher.
 */
public final class AlertItems {

    public static final String KIND_ALERT = "ALERT";
    public static final String ALERT_ID = "alertId";
    public static final String REFERENCE = "reference";
    public static final String ORGANISATION = "organisationId";
    public static final String REGION = "region";
    public static final String CATEGORY = "category";
    public static final String SEVERITY = "severity";
    public static final String CREATED_AT = "createdAt";
    public static final String CLAIMED_UNTIL = "claimedUntil";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String MESSAGE_ID = "messageId";
    /** {@code pending} until acknowledged ({@code acknowledged}); escalation pages are {@code page}. */
    public static final String STATUS = "status";
    public static final String CHAIN_ID = "chainId";
    public static final String ESCALATION_STEP = "escalationStep";
    /** Sparse index of origin alerts nobody has acknowledged yet, oldest first: what escalation looks at. */
    public static final String PENDING_INDEX = "PendingAlertsIndex";
    public static final String PENDING_PK = "gsi2pk";
    public static final String PENDING_SK = "gsi2sk";
    public static final String PENDING = "PENDING";
    /** The kind of a notice ({@link Alert.Notice}); absent on alerts and pages. */
    public static final String NOTICE = "notice";
    public static final String NOTICE_DUE_AT = "noticeDueAt";
    public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";

    private AlertItems() {
    }


    public static Map<String, AttributeValue> key(Alert alert) {
        return CasesTable.key(alert.reference(), sortKey(alert));
    }

    /**
     * {@code ALERT#<organisation>} for an organisation's alert ({@code <reference>.<organisation>}),
     * {@code ALERT#<target>#E<step>} for an escalation page ({@code <reference>.<target>.e<step>}), and
     * {@code ALERT#<organisation>#N#<kind…>} for a notice ({@code <reference>.<organisation>.<kind…>}).
     */
    public static String sortKey(Alert alert) {
        if (alert.isNotice()) {
            return "ALERT#" + alert.organisationId() + "#N#"
                    + alert.alertId().substring((alert.reference().value() + "." + alert.organisationId() + ".")
                    .length());
        }
        String pagePrefix = alert.reference().value() + "." + alert.organisationId() + ".e";
        if (alert.alertId().startsWith(pagePrefix)
                && alert.alertId().substring(pagePrefix.length()).matches("[1-9][0-9]{0,5}")) {
            return pageSortKey(alert.organisationId(),
                    Integer.parseInt(alert.alertId().substring(pagePrefix.length())));
        }
        return "ALERT#" + alert.organisationId();
    }

    public static String pageSortKey(String targetOrganisationId, int step) {
        return "ALERT#" + targetOrganisationId + "#E" + step;
    }

    public static Map<String, AttributeValue> toItem(Alert alert) {
        Map<String, AttributeValue> item = new HashMap<>(key(alert));
        item.put(CasesTable.KIND, s(KIND_ALERT));
        item.put(ALERT_ID, s(alert.alertId()));
        item.put(REFERENCE, s(alert.reference().value()));
        item.put(ORGANISATION, s(alert.organisationId()));
        item.put(REGION, s(alert.region().value()));
        item.put(CATEGORY, s(alert.category().code()));
        item.put(SEVERITY, s(alert.severity().code()));
        item.put(CREATED_AT, s(alert.createdAt().toString()));
        item.put(CHAIN_ID, s(alert.alertId()));
        item.put(ESCALATION_STEP, AttributeValue.fromN("0"));
        if (alert.notice().isPresent()) {
            // nothing to acknowledge, nothing to escalate: not in the pending alerts
            item.put(STATUS, s(NOTICE));
            item.put(NOTICE, s(alert.notice().get().kind().code()));
            alert.notice().get().dueAt().ifPresent(due -> item.put(NOTICE_DUE_AT, s(due.toString())));
            return item;
        }
        item.put(STATUS, s("pending"));
        item.put(PENDING_PK, s(PENDING));
        item.put(PENDING_SK, s(alert.createdAt() + "#" + alert.alertId()));
        return item;
    }

    public static boolean isAlert(Map<String, AttributeValue> item) {
        AttributeValue kind = item.get(CasesTable.KIND);
        return kind != null && KIND_ALERT.equals(kind.s());
    }

    public static Alert fromItem(Map<String, AttributeValue> item) {
        return new Alert(
                item.get(ALERT_ID).s(),
                new Reference(item.get(REFERENCE).s()),
                item.get(ORGANISATION).s(),
                new RegionCode(item.get(REGION).s()),
                Category.fromCode(item.get(CATEGORY).s()).orElseThrow(),
                Severity.fromCode(item.get(SEVERITY).s()).orElseThrow(),
                Instant.parse(item.get(CREATED_AT).s()),
                Optional.ofNullable(item.get(NOTICE)).map(kind -> new Alert.Notice(
                        Alert.Notice.Kind.fromCode(kind.s()).orElseThrow(),
                        Optional.ofNullable(item.get(NOTICE_DUE_AT)).map(due -> Instant.parse(due.s())))));
    }

    /**
     * The update that acknowledges an organisation's alert (only while it is pending) and takes it out of the
     * pending alerts, so escalation stops.
     */
    public static Update.Builder acknowledge(String table, Alert alert, Instant at, String by) {
        return Update.builder()
                .tableName(table)
                .key(key(alert))
                .updateExpression("SET #status = :acknowledged, #at = :at, #by = :by REMOVE #gsi2pk, #gsi2sk")
                .conditionExpression("attribute_exists(#pk) AND (#status = :pending OR attribute_not_exists(#status))")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK, "#status", STATUS,
                        "#at", ACKNOWLEDGED_AT, "#by", ACKNOWLEDGED_BY,
                        "#gsi2pk", PENDING_PK, "#gsi2sk", PENDING_SK))
                .expressionAttributeValues(Map.of(
                        ":acknowledged", s("acknowledged"),
                        ":pending", s("pending"),
                        ":at", s(at.toString()),
                        ":by", s(by)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
