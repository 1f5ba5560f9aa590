package kz.senim.testing;

import java.util.Optional;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.ReporterRole;
import kz.senim.i18n.Language;

/** Valid submissions to start from; tests change the one thing they are about. */
public final class Submissions {

    private Submissions() {
    }

    public static ReportSubmission victimInAlmaty() {
        return ReportSubmission.of(ReporterRole.VICTIM, Category.FORCED_LABOUR, new RegionCode("KZ-75"),
                Optional.of("Bazaar district"), false, false, false, false,
                "They took my passport and I work without pay on a construction site.", Language.RU);
    }

    public static ReportSubmission witnessTip(RegionCode region, Category category) {
        return ReportSubmission.of(ReporterRole.WITNESS, category, region, Optional.empty(), false, false, false,
                false, "I saw young women locked in a cafe at night.", Language.EN);
    }

    /** The narrative a submission was typed with. */
    public static String narrative(ReportSubmission s) {
        return s.narrative().readable().orElseThrow(() -> new AssertionError("the narrative is not readable"));
    }

    /** The locality a submission was typed with. */
    public static String locality(ReportSubmission s) {
        return s.locality().flatMap(kz.senim.cases.CaseText::readable)
                .orElseThrow(() -> new AssertionError("no readable locality"));
    }

    public static ReportSubmission with(ReportSubmission s, boolean immediateDanger, boolean policeConsent,
            boolean childInvolved, boolean foreignNational) {
        return new ReportSubmission(s.reporterRole(), s.category(), s.region(), s.locality(), immediateDanger,
                policeConsent, childInvolved, foreignNational, s.narrative(), s.language());
    }
}
