package kz.senim.cases.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseAlerts;
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
    /**
     * The organisation that acknowledged, and who for it: {@code person} (with its id), {@code link}, {@code system},
     * or {@code reporter} (a withdrawal stopped the paging).
     */
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
    public static final String ACKNOWLEDGED_BY_TYPE = "acknowledgedByType";
    public static final String ACKNOWLEDGED_BY_PERSON = "acknowledgedByPerson";
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
    /** Publication attempts so far (a claim is an attempt), and the class of the last failure, never a message. */
    public static final String ATTEMPTS = "attempts";
    public static final String LAST_ERROR_CLASS = "lastErrorClass";
    public static final String LAST_FAILED_AT = "lastFailedAt";
    /** {@code page} for a message of its own, {@code digest} when it went out as its window's digest. */
    public static final String DELIVERED_AS = "deliveredAs";
    /** Set instead of {@code publishedAt} when the alert was coalesced into the digest of its organisation's window. */
    public static final String COALESCED_INTO = "coalescedInto";
    public static final String COALESCED_AT = "coalescedAt";
    /**
     * Sparse index of alerts and pages not yet published (or coalesced), oldest first: what the sweeper looks at.
     * Written with the item, removed when it is published or coalesced.
     */
    public static final String UNPUBLISHED_INDEX = "UnpublishedAlertsIndex";
    public static final String UNPUBLISHED_PK = "gsi4pk";
    public static final String UNPUBLISHED_SK = "gsi4sk";
    public static final String UNPUBLISHED = "UNPUBLISHED";

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
        // published like any alert, so the sweeper retries a notice that did not go out
        item.put(UNPUBLISHED_PK, s(UNPUBLISHED));
        item.put(UNPUBLISHED_SK, s(CasesTable.sortable(alert.createdAt()) + "#" + alert.alertId()));
        if (alert.notice().isPresent()) {
            // nothing to acknowledge, nothing to escalate: not in the pending alerts
            item.put(STATUS, s(NOTICE));
            item.put(NOTICE, s(alert.notice().get().kind().code()));
            alert.notice().get().dueAt().ifPresent(due -> item.put(NOTICE_DUE_AT, s(due.toString())));
            return item;
        }
        item.put(STATUS, s("pending"));
        item.put(PENDING_PK, s(PENDING));
        item.put(PENDING_SK, s(CasesTable.sortable(alert.createdAt()) + "#" + alert.alertId()));
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
     * pending alerts, so escalation stops: when, for which organisation, and by whom.
     */
    public static Update.Builder acknowledge(String table, Alert alert, Instant at, String organisationId,
            CaseAlerts.Acknowledger by) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", CasesTable.PK, "#status", STATUS,
                "#gsi2pk", PENDING_PK, "#gsi2sk", PENDING_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":acknowledged", s("acknowledged"),
                ":pending", s("pending")));
        String acknowledger = acknowledger(at, organisationId, by, names, values);
        return Update.builder()
                .tableName(table)
                .key(key(alert))
                .updateExpression("SET #status = :acknowledged, " + acknowledger + " REMOVE #gsi2pk, #gsi2sk")
                .conditionExpression("attribute_exists(#pk) AND (#status = :pending OR attribute_not_exists(#status))")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }

    /**
     * When, for which organisation and by whom (a person with their id, a link, Senim, the reporter who withdrew the
     * report) an alert was acknowledged: the assignments to SET, their names and values added.
     */
    public static String acknowledger(Instant at, String organisationId, CaseAlerts.Acknowledger by,
            Map<String, String> names, Map<String, AttributeValue> values) {
        names.putAll(Map.of("#at", ACKNOWLEDGED_AT, "#by", ACKNOWLEDGED_BY, "#byType", ACKNOWLEDGED_BY_TYPE));
        values.putAll(Map.of(":at", s(at.toString()), ":by", s(organisationId), ":byType", s(by.type())));
        String set = "#at = :at, #by = :by, #byType = :byType";
        if (by.personId().isPresent()) {
            names.put("#byPerson", ACKNOWLEDGED_BY_PERSON);
            values.put(":byPerson", s(by.personId().get()));
            set += ", #byPerson = :byPerson";
        }
        return set;
    }

    /** Where the alert stands on its way to the organisation's channel, as the item records it. */
    public static CaseAlerts.Delivery delivery(Map<String, AttributeValue> item) {
        int attempts = item.containsKey(ATTEMPTS) ? Integer.parseInt(item.get(ATTEMPTS).n()) : 0;
        Optional<String> lastError = Optional.ofNullable(item.get(LAST_ERROR_CLASS)).map(AttributeValue::s);
        Optional<String> digest = Optional.ofNullable(item.get(COALESCED_INTO)).map(AttributeValue::s);
        CaseAlerts.Delivery.State state = item.containsKey(PUBLISHED_AT) ? CaseAlerts.Delivery.State.PUBLISHED
                : digest.isPresent() ? CaseAlerts.Delivery.State.COALESCED
                : lastError.isPresent() ? CaseAlerts.Delivery.State.FAILING
                : CaseAlerts.Delivery.State.PENDING;
        return new CaseAlerts.Delivery(state, attempts, lastError, digest);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
