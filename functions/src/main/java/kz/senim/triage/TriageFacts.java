package kz.senim.triage;

import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.ReporterRole;

/** What triage may look at. Deliberately not the narrative: routing must not depend on free text. */
public record TriageFacts(
        ReporterRole reporterRole,
        Category category,
        RegionCode region,
        boolean immediateDanger,
        boolean policeConsent,
        boolean childInvolved,
        boolean foreignNational) {

    /** What triage may look at in a report: everything but what the reporter wrote. */
    public static TriageFacts of(ReportSubmission s) {
        return new TriageFacts(s.reporterRole(), s.category(), s.region(), s.immediateDanger(), s.policeConsent(),
                s.childInvolved(), s.foreignNational());
    }
}
