package kz.senim.casework.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.alerting.dynamodb.AlertItems;
import kz.senim.casework.CaseFile;
import kz.senim.casework.Outcome;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.Severity;
import kz.senim.intake.dynamodb.ReportItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The working state of a case on its report item, changed only over the version it was read at. */
public final class CaseItems {

    private CaseItems() {
    }

    public static Map<String, AttributeValue> key(Reference reference) {
        return Map.of(AlertItems.PK, AttributeValue.fromS(AlertItems.casePartition(reference)),
                AlertItems.SK, AttributeValue.fromS(ReportItems.REPORT_SK));
    }

    public static CaseFile fromItem(Map<String, AttributeValue> item) {
        return new CaseFile(
                new Reference(item.get("reference").s()),
                ReportItems.toSubmission(item),
                Severity.fromCode(item.get("severity").s()).orElseThrow(),
                CaseStatus.fromCode(item.get(ReportItems.STATUS).s()).orElseThrow(),
                Long.parseLong(item.get(ReportItems.VERSION).n()),
                text(item, "takenBy"),
                text(item, "assignee"),
                item.containsKey(ReportItems.INVOLVED) ? Set.copyOf(item.get(ReportItems.INVOLVED).ss()) : Set.of(),
                text(item, "outcome").map(o -> Outcome.fromCode(o).orElseThrow()),
                text(item, "statusReason"),
                Instant.parse(item.get("submittedAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    /** The update to put in a transaction: writes {@code changed} if the item is still at the version before it. */
    public static TransactWriteItem update(String table, CaseFile changed) {
        Map<String, String> names = new HashMap<>(Map.of("#version", ReportItems.VERSION, "#status",
                ReportItems.STATUS, "#updatedAt", "updatedAt", "#involved", ReportItems.INVOLVED));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":expected", AttributeValue.fromN(Long.toString(changed.version() - 1)),
                ":version", AttributeValue.fromN(Long.toString(changed.version())),
                ":status", AttributeValue.fromS(changed.status().code()),
                ":updatedAt", AttributeValue.fromS(changed.updatedAt().toString())));
        List<String> set = new ArrayList<>(List.of("#version = :version", "#status = :status",
                "#updatedAt = :updatedAt"));
        List<String> remove = new ArrayList<>();
        optional("takenBy", changed.takenBy(), names, values, set, remove);
        optional("assignee", changed.assignee(), names, values, set, remove);
        optional("outcome", changed.outcome().map(Outcome::code), names, values, set, remove);
        optional("statusReason", changed.statusReason(), names, values, set, remove);
        if (changed.involvedOrganisations().isEmpty()) {
            remove.add("#involved");
        } else {
            set.add("#involved = :involved");
            values.put(":involved", AttributeValue.fromSs(List.copyOf(changed.involvedOrganisations())));
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(changed.reference()))
                .updateExpression(expression)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build();
    }

    private static void optional(String attribute, Optional<String> value, Map<String, String> names,
            Map<String, AttributeValue> values, List<String> set, List<String> remove) {
        names.put("#" + attribute, attribute);
        if (value.isPresent()) {
            set.add("#" + attribute + " = :" + attribute);
            values.put(":" + attribute, AttributeValue.fromS(value.get()));
        } else {
            remove.add("#" + attribute);
        }
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
