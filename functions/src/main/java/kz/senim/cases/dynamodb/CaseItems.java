package kz.senim.cases.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.OpenReferral;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.ReporterRole;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The report item of the cases table ({@code pk=CASE#<reference>}, {@code sk=REPORT}), its one mapper: the report as
 * submitted, the receipt's hash, and the case's working state, changed only over the version it was read at. It is
 * also in the region's queue ({@code QueueIndex}: {@code gsi1pk=QUEUE#<region>}, {@code gsi1sk=<submittedAt>#<reference>},
 * oldest first).
 *
 * <p>Each referral not closed yet is an attribute of its own, {@code openReferral#<referralId>} = {@code {providerId,
 * status, dueDate}}: the referral's transactions set or remove just theirs, so that steps of different referrals
 * never overwrite each other and a case item of any age takes them.
 */
public final class CaseItems {

    public static final String REPORT_SK = "REPORT";
    public static final String KIND_REPORT = "REPORT";
    public static final String QUEUE_INDEX = "QueueIndex";
    public static final String QUEUE_PK = "gsi1pk";
    public static final String QUEUE_SK = "gsi1sk";
    public static final String VERSION = "version";
    public static final String STATUS = "status";
    public static final String INVOLVED = "involvedOrganisations";
    static final String REFERENCE = "reference";
    static final String RECEIPT_HASH = "receiptHash";
    static final String SUBMITTED_AT = "submittedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String OPEN_REFERRAL_PREFIX = "openReferral#";

    private CaseItems() {
    }

    public static Map<String, AttributeValue> key(Reference reference) {
        return CasesTable.key(reference, REPORT_SK);
    }

    public static String queuePartition(RegionCode region) {
        return "QUEUE#" + region.value();
    }

    /** A new case's item: the report as submitted, the case as it starts, and the receipt's hash. */
    public static Map<String, AttributeValue> newItem(CaseFile file, String receiptHash) {
        ReportSubmission s = file.submission();
        Map<String, AttributeValue> item = new HashMap<>(key(file.reference()));
        item.put(CasesTable.KIND, s(KIND_REPORT));
        item.put(QUEUE_PK, s(queuePartition(s.region())));
        item.put(QUEUE_SK, s(file.submittedAt() + "#" + file.reference().value()));
        item.put(REFERENCE, s(file.reference().value()));
        item.put("reporterRole", s(s.reporterRole().code()));
        item.put("category", s(s.category().code()));
        item.put("region", s(s.region().value()));
        s.locality().ifPresent(locality -> item.put("locality", s(locality)));
        item.put("immediateDanger", AttributeValue.fromBool(s.immediateDanger()));
        item.put("policeConsent", AttributeValue.fromBool(s.policeConsent()));
        item.put("childInvolved", AttributeValue.fromBool(s.childInvolved()));
        item.put("foreignNational", AttributeValue.fromBool(s.foreignNational()));
        item.put("narrative", s(s.narrative()));
        item.put("language", s(s.language().code()));
        item.put("severity", s(file.severity().code()));
        item.put(STATUS, s(file.status().code()));
        item.put(RECEIPT_HASH, s(receiptHash));
        item.put(SUBMITTED_AT, s(file.submittedAt().toString()));
        item.put(UPDATED_AT, s(file.updatedAt().toString()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(file.version())));
        file.takenBy().ifPresent(v -> item.put("takenBy", s(v)));
        file.assignee().ifPresent(v -> item.put("assignee", s(v)));
        file.outcome().ifPresent(v -> item.put("outcome", s(v.code())));
        file.statusReason().ifPresent(v -> item.put("statusReason", s(v)));
        if (!file.involvedOrganisations().isEmpty()) {
            item.put(INVOLVED, AttributeValue.fromSs(List.copyOf(file.involvedOrganisations())));
        }
        return item;
    }

    public static CaseFile fromItem(Map<String, AttributeValue> item) {
        return new CaseFile(
                new Reference(item.get(REFERENCE).s()),
                submission(item),
                Severity.fromCode(item.get("severity").s()).orElseThrow(),
                CaseStatus.fromCode(item.get(STATUS).s()).orElseThrow(),
                Long.parseLong(item.get(VERSION).n()),
                text(item, "takenBy"),
                text(item, "assignee"),
                item.containsKey(INVOLVED) ? Set.copyOf(item.get(INVOLVED).ss()) : Set.of(),
                text(item, "outcome").map(o -> ClosingOutcome.fromCode(o).orElseThrow()),
                text(item, "statusReason"),
                Instant.parse(item.get(SUBMITTED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()),
                openReferrals(item));
    }

    private static Map<String, OpenReferral> openReferrals(Map<String, AttributeValue> item) {
        Map<String, OpenReferral> open = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(OPEN_REFERRAL_PREFIX)) {
                String referralId = name.substring(OPEN_REFERRAL_PREFIX.length());
                Map<String, AttributeValue> entry = value.m();
                open.put(referralId, new OpenReferral(referralId, entry.get("providerId").s(),
                        entry.get("status").s(), LocalDate.parse(entry.get("dueDate").s())));
            }
        });
        return open;
    }

    private static AttributeValue openReferral(OpenReferral referral) {
        return AttributeValue.fromM(Map.of("providerId", s(referral.providerId()), "status", s(referral.status()),
                "dueDate", s(referral.dueDate().toString())));
    }

    /**
     * The update of a case's entry for one referral, for the referral's transaction: set to where the referral stands,
     * or removed once it is closed (empty). The case's version stays: a provider's step is not a change of the case.
     */
    public static TransactWriteItem openReferral(String table, Reference reference, String referralId,
            Optional<OpenReferral> referral) {
        Map<String, String> names = Map.of("#pk", CasesTable.PK, "#referral", OPEN_REFERRAL_PREFIX + referralId);
        Update.Builder update = Update.builder().tableName(table).key(key(reference))
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(names);
        if (referral.isPresent()) {
            update.updateExpression("SET #referral = :referral")
                    .expressionAttributeValues(Map.of(":referral", openReferral(referral.get())));
        } else {
            update.updateExpression("REMOVE #referral");
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    /** The hash of the receipt the reporter comes back with. */
    public static String receiptHash(Map<String, AttributeValue> item) {
        return item.get(RECEIPT_HASH).s();
    }

    /** The update to put in a transaction: writes {@code changed} if the item is still at the version before it. */
    public static TransactWriteItem update(String table, CaseFile changed) {
        return update(table, changed, Optional.empty());
    }

    /** As {@link #update(String, CaseFile)}, with the entry of a new referral {@code changed} has open. */
    public static TransactWriteItem update(String table, CaseFile changed, Optional<OpenReferral> newReferral) {
        Map<String, String> names = new HashMap<>(Map.of("#version", VERSION, "#status", STATUS,
                "#updatedAt", UPDATED_AT, "#involved", INVOLVED));
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
        optional("outcome", changed.outcome().map(ClosingOutcome::code), names, values, set, remove);
        optional("statusReason", changed.statusReason(), names, values, set, remove);
        if (changed.involvedOrganisations().isEmpty()) {
            remove.add("#involved");
        } else {
            set.add("#involved = :involved");
            values.put(":involved", AttributeValue.fromSs(List.copyOf(changed.involvedOrganisations())));
        }
        newReferral.ifPresent(referral -> {
            names.put("#newReferral", OPEN_REFERRAL_PREFIX + referral.referralId());
            values.put(":newReferral", openReferral(referral));
            set.add("#newReferral = :newReferral");
        });
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

    private static ReportSubmission submission(Map<String, AttributeValue> item) {
        return new ReportSubmission(
                ReporterRole.fromCode(item.get("reporterRole").s()).orElseThrow(),
                Category.fromCode(item.get("category").s()).orElseThrow(),
                new RegionCode(item.get("region").s()),
                text(item, "locality"),
                item.get("immediateDanger").bool(),
                item.get("policeConsent").bool(),
                item.get("childInvolved").bool(),
                item.get("foreignNational").bool(),
                item.get("narrative").s(),
                Language.fromCode(item.get("language").s()).orElseThrow());
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

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
