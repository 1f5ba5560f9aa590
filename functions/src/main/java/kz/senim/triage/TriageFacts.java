package kz.senim.triage;

import kz.senim.cases.Category;
import kz.senim.cases.ReporterRole;
import kz.senim.regions.RegionCode;

/** What triage may look at. Deliberately not the narrative: routing must not depend on free text. */
public record TriageFacts(
        ReporterRole reporterRole,
        Category category,
        RegionCode region,
        boolean immediateDanger,
        boolean policeConsent,
        boolean childInvolved,
        boolean foreignNational) {
}
