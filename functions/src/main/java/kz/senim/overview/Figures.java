package kz.senim.overview;

import java.time.Instant;
import java.util.List;
import kz.senim.cases.RegionCode;

/** Counts over the cases table for the national overview, read from its indexes, never by scanning it. */
public interface Figures {

    /** Cases of {@code region} that are not closed. */
    long openCases(RegionCode region);

    /** The organisations' alerts nobody has acknowledged while their escalation runs, of every region. */
    List<UnacknowledgedAlert> unacknowledgedAlerts();

    record UnacknowledgedAlert(RegionCode region, Instant createdAt) {
    }
}
