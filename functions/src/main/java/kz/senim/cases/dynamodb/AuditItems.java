package kz.senim.cases.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Audit items live in the case's partition: {@code sk=AUDIT#<instant>#<random>}, so a query returns them in order. */
public final class AuditItems {

    public static final String SK_PREFIX = "AUDIT#";

    private AuditItems() {
    }

    /** The put to add to a change's transaction, so the change and its audit line are stored together. */
    public static TransactWriteItem put(String table, AuditEntry entry) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(entry))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    public static Map<String, AttributeValue> toItem(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CasesTable.PK, s(CasesTable.casePartition(entry.reference())));
        item.put(CasesTable.SK, s(sortKey(entry.at())));
        item.put(CasesTable.KIND, s("AUDIT"));
        item.put("reference", s(entry.reference().value()));
        item.put("at", s(entry.at().toString()));
        item.put("action", s(entry.action()));
        putActor(item, entry.actor());
        putDetails(item, entry.details());
        return item;
    }

    /** The details, if any, as every audit item holds them. */
    public static void putDetails(Map<String, AttributeValue> item, Map<String, String> details) {
        if (!details.isEmpty()) {
            Map<String, AttributeValue> values = new HashMap<>();
            details.forEach((k, v) -> values.put(k, s(v)));
            item.put("details", AttributeValue.fromM(values));
        }
    }

    /** {@code AUDIT#<instant, fixed width>#<random>}: audit items of one partition sort by time. */
    public static String sortKey(Instant at) {
        return SK_PREFIX + CasesTable.sortable(at) + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The actor's attributes, as every audit item holds them. */
    public static void putActor(Map<String, AttributeValue> item, Actor actor) {
        switch (actor) {
            case Actor.Person p -> {
                item.put("actorType", s("person"));
                item.put("personId", s(p.personId()));
                item.put("organisationId", s(p.organisationId()));
                item.put("role", s(p.role()));
            }
            case Actor.LinkHolder l -> {
                item.put("actorType", s("link"));
                item.put("organisationId", s(l.organisationId()));
            }
            case Actor.Reporter r -> item.put("actorType", s("reporter"));
            case Actor.System sys -> {
                item.put("actorType", s("system"));
                item.put("component", s(sys.component()));
            }
        }
    }

    public static AuditEntry fromItem(Map<String, AttributeValue> item) {
        return new AuditEntry(new Reference(item.get("reference").s()), Instant.parse(item.get("at").s()),
                actor(item), item.get("action").s(), details(item));
    }

    /** The actor of an audit item. */
    public static Actor actor(Map<String, AttributeValue> item) {
        return switch (item.get("actorType").s()) {
            case "person" -> new Actor.Person(item.get("personId").s(), item.get("organisationId").s(),
                    item.get("role").s());
            case "link" -> new Actor.LinkHolder(item.get("organisationId").s());
            case "reporter" -> new Actor.Reporter();
            default -> new Actor.System(item.get("component").s());
        };
    }

    /** The details of an audit item (none: empty). */
    public static Map<String, String> details(Map<String, AttributeValue> item) {
        Map<String, String> details = new HashMap<>();
        if (item.containsKey("details")) {
            item.get("details").m().forEach((k, v) -> details.put(k, v.s()));
        }
        return details;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
