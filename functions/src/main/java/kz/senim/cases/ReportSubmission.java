package kz.senim.cases;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kz.senim.i18n.Language;

/**
 * A report or tip as the reporter sent it, already valid: the compact constructor rejects what Senim cannot keep.
 * What the reporter typed (narrative, locality) is {@link CaseText}: plain as sent, sealed as stored.
 */
public record ReportSubmission(
        ReporterRole reporterRole,
        Category category,
        RegionCode region,
        Optional<CaseText> locality,
        boolean immediateDanger,
        boolean policeConsent,
        boolean childInvolved,
        boolean foreignNational,
        CaseText narrative,
        Language language) {

    public static final int MAX_NARRATIVE = 4000;
    public static final int MAX_LOCALITY = 200;

    public ReportSubmission {
        Objects.requireNonNull(reporterRole, "reporterRole");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(narrative, "narrative");
        locality = locality.map(text -> text instanceof CaseText.Plain plain
                ? new CaseText.Plain(Text.bounded("locality", plain.text(), MAX_LOCALITY)) : text)
                .filter(text -> !(text instanceof CaseText.Plain plain && plain.text().isEmpty()));
        if (narrative instanceof CaseText.Plain plain) {
            narrative = new CaseText.Plain(Text.required("narrative", plain.text(), MAX_NARRATIVE));
        }
    }

    /** A submission as the reporter typed it. */
    public static ReportSubmission of(ReporterRole reporterRole, Category category, RegionCode region,
            Optional<String> locality, boolean immediateDanger, boolean policeConsent, boolean childInvolved,
            boolean foreignNational, String narrative, Language language) {
        if (narrative == null) {
            throw new InvalidInput("narrative", InvalidInput.Violation.MISSING);
        }
        return new ReportSubmission(reporterRole, category, region, locality.map(CaseText::plain), immediateDanger,
                policeConsent, childInvolved, foreignNational, CaseText.plain(narrative), language);
    }

    /** The same submission with its texts changed by {@code change} (opened, say). */
    public ReportSubmission withTexts(UnaryOperator<CaseText> change) {
        return new ReportSubmission(reporterRole, category, region, locality.map(change), immediateDanger,
                policeConsent, childInvolved, foreignNational, change.apply(narrative), language);
    }

    @Override
    public String toString() {
        return "ReportSubmission[" + reporterRole.code() + ", " + category.code() + ", " + region.value() + "]";
    }
}
