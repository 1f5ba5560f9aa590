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
import kz.senim.cases.CaseText;
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
 * submitted (narrative, locality and reason sealed: {@link ContentWrites}), the receipt's hash, and the case's working
 * state, changed only over the version it was read at. It is also in the region's queue ({@code QueueIndex}: {@code gsi1pk=QUEUE#<region>}, {@code gsi1sk=<submittedAt>#<reference>},
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
    public static final String RECEIPT_HASH = "receiptHash";
    static final String SUBMITTED_AT = "submittedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String NARRATIVE = "narrative";
    static final String LOCALITY = "locality";
    static final String STATUS_REASON = "statusReason";
    /**
     * Sparse index of the cases whose content Senim must erase in time ({@code RetentionIndex}):
     * {@code gsi5pk=RETAIN#OPEN} or {@code RETAIN#CLOSED} by status, or {@link #ERASING} while an erasure is under
     * way; {@code gsi5sk=<last change>#<reference>}, oldest first. A withdrawn case, or one whose erasure is
     * finished, is in none of them until it changes again.
     */
    public static final String RETENTION_INDEX = "RetentionIndex";
    public static final String RETENTION_PK = "gsi5pk";
    public static final String RETENTION_SK = "gsi5sk";
    public static final String RETAIN_OPEN = "RETAIN#OPEN";
    public static final String RETAIN_CLOSED = "RETAIN#CLOSED";
    public static final String ERASING = "ERASE#PENDING";
    /** When the content was erased, and why ({@code retention_after_closure}, {@code inactivity}, {@code withdrawn_by_reporter}). */
    public static final String ERASED_AT = "erasedAt";
    public static final String ERASURE = "erasure";
    /** When the region's coordinators were told the content of an inactive case would be erased, and when. */
    public static final String ERASURE_WARNED_AT = "erasureWarnedAt";
    public static final String ERASURE_DUE_AT = "erasureDueAt";
    /** The attributes of the report item that hold what people typed, and the receipt's hash: what erasure removes. */
    public static final List<String> CONTENT = List.of(NARRATIVE, LOCALITY, STATUS_REASON, RECEIPT_HASH);
    static final String OPEN_REFERRAL_PREFIX = "openReferral#";

    private CaseItems() {
    }

    public static Map<String, AttributeValue> key(Reference reference) {
        return CasesTable.key(reference, REPORT_SK);
    }

    public static String queuePartition(RegionCode region) {
        return "QUEUE#" + region.value();
    }

    /** The retention partition a case of {@code status} is in: none once withdrawn (its content is gone). */
    public static Optional<String> retentionPartition(CaseStatus status) {
        return switch (status) {
            case CLOSED -> Optional.of(RETAIN_CLOSED);
            case WITHDRAWN_BY_REPORTER -> Optional.empty();
            case RECEIVED, ACKNOWLEDGED, IN_PROGRESS -> Optional.of(RETAIN_OPEN);
        };
    }

    /** Where in its retention partition a case last changed at {@code lastChange} is: oldest first. */
    public static String retentionSortKey(Instant lastChange, Reference reference) {
        return CasesTable.sortable(lastChange) + "#" + reference.value();
    }

    /** A new case's item: the report as submitted (its texts sealed by {@code write}), the case as it starts, and the
     * receipt's hash. */
    public static Map<String, AttributeValue> newItem(CaseFile file, String receiptHash, ContentWrites.Write write) {
        ReportSubmission s = file.submission();
        Map<String, AttributeValue> item = new HashMap<>(key(file.reference()));
        item.put(CasesTable.KIND, s(KIND_REPORT));
        item.put(QUEUE_PK, s(queuePartition(s.region())));
        item.put(QUEUE_SK, s(CasesTable.sortable(file.submittedAt()) + "#" + file.reference().value()));
        item.put(REFERENCE, s(file.reference().value()));
        item.put("reporterRole", s(s.reporterRole().code()));
        item.put("category", s(s.category().code()));
        item.put("region", s(s.region().value()));
        s.locality().ifPresent(locality -> write.put(item, LOCALITY, locality));
        item.put("immediateDanger", AttributeValue.fromBool(s.immediateDanger()));
        item.put("policeConsent", AttributeValue.fromBool(s.policeConsent()));
        item.put("childInvolved", AttributeValue.fromBool(s.childInvolved()));
        item.put("foreignNational", AttributeValue.fromBool(s.foreignNational()));
        write.put(item, NARRATIVE, s.narrative());
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
        file.statusReason().ifPresent(v -> write.put(item, STATUS_REASON, v));
        if (!file.involvedOrganisations().isEmpty()) {
            item.put(INVOLVED, AttributeValue.fromSs(List.copyOf(file.involvedOrganisations())));
        }
        retentionPartition(file.status()).ifPresent(partition -> {
            item.put(RETENTION_PK, s(partition));
            item.put(RETENTION_SK, s(retentionSortKey(file.updatedAt(), file.reference())));
        });
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
                text(item, STATUS_REASON).map(CaseText::stored),
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

    /** When the region's coordinators were warned that the content of the inactive case would be erased. */
    public static Optional<Instant> erasureWarnedAt(Map<String, AttributeValue> item) {
        return text(item, ERASURE_WARNED_AT).map(Instant::parse);
    }

    /** The hash of the receipt the reporter comes back with; none once it was erased (retention, withdrawal). */
    public static Optional<String> receiptHash(Map<String, AttributeValue> item) {
        return text(item, RECEIPT_HASH);
    }

    /**
     * The update to put in a transaction: writes {@code changed} if the item is still at the version before it. The
     * case's reason is kept as stored unless the change gave a new one, which only {@link #update(String, CaseFile,
     * ContentWrites.Write)} can write.
     */
    public static TransactWriteItem update(String table, CaseFile changed) {
        if (changed.statusReason().filter(reason -> reason instanceof CaseText.Plain).isPresent()) {
            throw new IllegalArgumentException("a reason just typed is written sealed, with its key");
        }
        return update(table, changed, null, Optional.empty());
    }

    /** As {@link #update(String, CaseFile)}, sealing a reason the change gave with {@code write}. */
    public static TransactWriteItem update(String table, CaseFile changed, ContentWrites.Write write) {
        return update(table, changed, write, Optional.empty());
    }

    /** As {@link #update(String, CaseFile)}, with the entry of a new referral {@code changed} has open. */
    public static TransactWriteItem update(String table, CaseFile changed, Optional<OpenReferral> newReferral) {
        if (changed.statusReason().filter(reason -> reason instanceof CaseText.Plain).isPresent()) {
            throw new IllegalArgumentException("a reason just typed is written sealed, with its key");
        }
        return update(table, changed, null, newReferral);
    }

    private static TransactWriteItem update(String table, CaseFile changed, ContentWrites.Write write,
            Optional<OpenReferral> newReferral) {
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
        names.put("#" + STATUS_REASON, STATUS_REASON);
        switch (changed.statusReason().orElseGet(CaseText.Erased::new)) {
            case CaseText.Plain typed -> {
                set.add("#" + STATUS_REASON + " = :" + STATUS_REASON);
                values.put(":" + STATUS_REASON, write.stored(typed).orElseThrow());
            }
            case CaseText.Sealed kept -> names.remove("#" + STATUS_REASON);
            case CaseText.Erased none -> remove.add("#" + STATUS_REASON);
        }
        if (changed.involvedOrganisations().isEmpty()) {
            remove.add("#involved");
        } else {
            set.add("#involved = :involved");
            values.put(":involved", AttributeValue.fromSs(List.copyOf(changed.involvedOrganisations())));
        }
        names.put("#retention", RETENTION_PK);
        names.put("#retentionSk", RETENTION_SK);
        values.put(":erasing", s(ERASING));
        Optional<String> retention = retentionPartition(changed.status());
        if (retention.isPresent()) {
            set.add("#retention = :retention");
            set.add("#retentionSk = :retentionSk");
            values.put(":retention", s(retention.get()));
            values.put(":retentionSk", s(retentionSortKey(changed.updatedAt(), changed.reference())));
        } else {
            remove.add("#retention");
            remove.add("#retentionSk");
        }
        newReferral.ifPresent(referral -> {
            names.put("#newReferral", OPEN_REFERRAL_PREFIX + referral.referralId());
            values.put(":newReferral", openReferral(referral));
            set.add("#newReferral = :newReferral");
        });
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        // a case whose erasure is under way changes only once the erasure is finished (EraseContent)
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(changed.reference()))
                .updateExpression(expression)
                .conditionExpression("#version = :expected AND (attribute_not_exists(#retention) OR #retention <> :erasing)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build();
    }

    private static ReportSubmission submission(Map<String, AttributeValue> item) {
        return new ReportSubmission(
                ReporterRole.fromCode(item.get("reporterRole").s()).orElseThrow(),
                Category.fromCode(item.get("category").s()).orElseThrow(),
                new RegionCode(item.get("region").s()),
                text(item, LOCALITY).map(CaseText::stored),
                item.get("immediateDanger").bool(),
                item.get("policeConsent").bool(),
                item.get("childInvolved").bool(),
                item.get("foreignNational").bool(),
                text(item, NARRATIVE).map(CaseText::stored).orElseGet(CaseText.Erased::new),
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
