package kz.senim.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.function.Function;
import kz.senim.cases.Alert;
import kz.senim.directory.PagingLimit;

/**
 * How many times each organisation was paged in its current window, and whether it is in a storm: what coalesces a
 * flood of alerts into one digest page per window (BRIEF rule 10). Windows are aligned to multiples of the
 * organisation's window length. Within a window the first {@code individualPages} alerts are pages of their own; the
 * next one carries the window's digest; the rest are counted in it. Once a digest went out, the organisation is in a
 * storm: every later window gets its digest only, until someone of the organisation acknowledges an alert.
 * Counts are taken by conditional writes, so concurrent dispatchers never page more than the limit.
 */
public interface PagingWindows {

    /** No coalescing: every alert is a page of its own (a dispatcher without a paging store). */
    PagingWindows UNLIMITED = new PagingWindows() {
        @Override
        public List<Decision> decideAll(List<Alert> alerts, Function<String, PagingLimit> limits, Instant now) {
            return alerts.stream().map(alert -> (Decision) new Decision.Page(now)).toList();
        }

        @Override
        public void undo(Alert alert, Decision decision) {
        }

        @Override
        public void acknowledged(String organisationId, Instant at) {
        }
    };

    /**
     * Decides, for claimed alerts, how each goes out; the decision counts it in its organisation's window.
     *
     * @return one decision per alert, in order
     */
    List<Decision> decideAll(List<Alert> alerts, Function<String, PagingLimit> limits, Instant now);

    /** The alert's publication failed: what {@link #decideAll} counted for it is given back (its retry decides again). */
    void undo(Alert alert, Decision decision);

    /** Someone of the organisation acknowledged one of its alerts: its storm, if any, is over. */
    void acknowledged(String organisationId, Instant at);

    /** The start of the window {@code now} falls in: windows are aligned to multiples of their length. */
    static Instant windowStart(Instant now, Duration window) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    sealed interface Decision {
        /** A page of its own, counted in the window starting {@code windowStart}. */
        record Page(Instant windowStart) implements Decision { }

        /**
         * The alert carries its window's digest: {@code count} reports for the organisation in the window so far
         * (itself included), from {@code regions}.
         */
        record Digest(int count, SortedSet<String> regions, Instant windowStart) implements Decision {
            public Digest {
                Objects.requireNonNull(regions, "regions");
                Objects.requireNonNull(windowStart, "windowStart");
            }
        }

        /** Counted in the digest that alert {@code digestAlertId} carries; no page of its own. */
        record Coalesced(String digestAlertId, Instant windowStart) implements Decision { }
    }
}
