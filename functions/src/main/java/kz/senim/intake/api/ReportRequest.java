package kz.senim.intake.api;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import kz.senim.cases.Category;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.ReporterRole;
import kz.senim.http.JsonObject;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCatalogue;

/** The JSON body of {@code POST /v1/reports}, decoded into a {@link ReportSubmission}. Field names are the contract. */
final class ReportRequest {

    static final Set<String> FIELDS = Set.of("reporterRole", "category", "region", "locality", "immediateDanger",
            "policeConsent", "childInvolved", "foreignNational", "narrative", "language");

    private ReportRequest() {
    }

    static ReportSubmission decode(JsonObject json, RegionCatalogue regions) {
        json.allowOnly(FIELDS);
        return ReportSubmission.of(
                json.code("reporterRole", ReporterRole::fromCode, codes(ReporterRole.values())),
                json.code("category", Category::fromCode, codes(Category.values())),
                json.code("region", regions::code, regions.codes()),
                json.optionalText("locality"),
                json.bool("immediateDanger"),
                json.bool("policeConsent"),
                json.bool("childInvolved"),
                json.bool("foreignNational"),
                json.text("narrative"),
                language(json));
    }

    static Language language(JsonObject json) {
        return json.code("language", Language::fromCode, codes(Language.values()));
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
