package kz.senim.directory;

import java.time.Duration;

/**
 * How often an organisation may be paged about single reports: at most {@code individualPages} pages within a
 * {@code window}; past that, its alerts are coalesced into one digest page per window until someone of the
 * organisation acknowledges (a flood of reports never silences the hotline, and never buries the on-call phone).
 */
public record PagingLimit(int individualPages, Duration window) {

    /** Five pages per ten minutes, unless the directory says otherwise. */
    public static final PagingLimit DEFAULT = new PagingLimit(5, Duration.ofMinutes(10));

    public PagingLimit {
        if (individualPages < 1 || individualPages > 1000) {
            throw new IllegalArgumentException("individualPages must be 1-1000");
        }
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0
                || window.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("a paging window is whole minutes, from 1 minute to 1 day");
        }
    }
}
