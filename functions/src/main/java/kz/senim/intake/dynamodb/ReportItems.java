package kz.senim.intake.dynamodb;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.alerting.dynamodb.AlertItems;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.ReporterRole;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;
import kz.senim.intake.Report;
import kz.senim.intake.ReportSubmission;
import kz.senim.regions.RegionCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The report item of the cases table ({@code pk=CASE#<reference>}, {@code sk=REPORT}): the report as submitted and
 * the case's working state. It is also in the region's queue ({@code QueueIndex}: {@code gsi1pk=QUEUE#<region>},
 * {@code gsi1sk=<submittedAt>#<reference>}, oldest first).
 */
public final class ReportItems {

    public static final String REPORT_SK = "REPORT";
    public static final String QUEUE_INDEX = "QueueIndex";
    public static final String QUEUE_PK = "gsi1pk";
    public static final String QUEUE_SK = "gsi1sk";
    public static final String VERSION = "version";
    public static final String STATUS = "status";
    public static final String INVOLVED = "involvedOrganisations";

    private ReportItems() {
    }

    public static String queuePartition(RegionCode region) {
        return "QUEUE#" + region.value();
    }

    static Map<String, AttributeValue> toItem(Report report, Collection<String> involvedOrganisations) {
        ReportSubmission s = report.submission();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AlertItems.PK, s(AlertItems.casePartition(report.reference())));
        item.put(AlertItems.SK, s(REPORT_SK));
        item.put(AlertItems.KIND, s("REPORT"));
        item.put(QUEUE_PK, s(queuePartition(s.region())));
        item.put(QUEUE_SK, s(report.submittedAt() + "#" + report.reference().value()));
        item.put("reference", s(report.reference().value()));
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
        item.put("severity", s(report.severity().code()));
        item.put(STATUS, s(report.status().code()));
        item.put("receiptHash", s(report.receiptHash()));
        item.put("submittedAt", s(report.submittedAt().toString()));
        item.put("updatedAt", s(report.updatedAt().toString()));
        item.put(VERSION, AttributeValue.fromN("1"));
        if (!involvedOrganisations.isEmpty()) {
            item.put(INVOLVED, AttributeValue.fromSs(involvedOrganisations.stream().distinct().toList()));
        }
        return item;
    }

    public static ReportSubmission toSubmission(Map<String, AttributeValue> item) {
        return new ReportSubmission(
                ReporterRole.fromCode(item.get("reporterRole").s()).orElseThrow(),
                Category.fromCode(item.get("category").s()).orElseThrow(),
                new RegionCode(item.get("region").s()),
                Optional.ofNullable(item.get("locality")).map(AttributeValue::s),
                item.get("immediateDanger").bool(),
                item.get("policeConsent").bool(),
                item.get("childInvolved").bool(),
                item.get("foreignNational").bool(),
                item.get("narrative").s(),
                Language.fromCode(item.get("language").s()).orElseThrow());
    }

    static Report toReport(Map<String, AttributeValue> item) {
        return new Report(
                new Reference(item.get("reference").s()),
                toSubmission(item),
                Severity.fromCode(item.get("severity").s()).orElseThrow(),
                CaseStatus.fromCode(item.get(STATUS).s()).orElseThrow(),
                item.get("receiptHash").s(),
                Instant.parse(item.get("submittedAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
