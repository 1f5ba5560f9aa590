package kz.senim.cases;

import java.util.Objects;
import java.util.Optional;
import kz.senim.i18n.Language;

/** A report or tip as the reporter sent it, already valid: the compact constructor rejects what Senim cannot keep. */
public record ReportSubmission(
        ReporterRole reporterRole,
        Category category,
        RegionCode region,
        Optional<String> locality,
        boolean immediateDanger,
        boolean policeConsent,
        boolean childInvolved,
        boolean foreignNational,
        String narrative,
        Language language) {

    public static final int MAX_NARRATIVE = 4000;
    public static final int MAX_LOCALITY = 200;

    public ReportSubmission {
        Objects.requireNonNull(reporterRole, "reporterRole");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(language, "language");
        locality = locality.map(text -> Text.bounded("locality", text, MAX_LOCALITY)).filter(text -> !text.isEmpty());
        narrative = Text.required("narrative", narrative, MAX_NARRATIVE);
    }

}
