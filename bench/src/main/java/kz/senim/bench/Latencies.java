package kz.senim.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The times of one timed series (nanoseconds, any order) and how long the whole series took.
 *
 * @param nanos one entry per call
 * @param wallNanos from the first call's start to the last call's end (for the rate)
 */
public record Latencies(List<Long> nanos, long wallNanos) {

    public Latencies {
        nanos = nanos.stream().sorted().toList();
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("a series without calls");
        }
    }

    public static Latencies of(Collection<Long> nanos, long wallNanos) {
        return new Latencies(new ArrayList<>(nanos), wallNanos);
    }

    public int count() {
        return nanos.size();
    }

    /** The nearest-rank percentile in milliseconds ({@code p} from 0 to 100). */
    public double percentileMs(double p) {
        int rank = (int) Math.ceil(p / 100.0 * nanos.size());
        return nanos.get(Math.max(0, Math.min(nanos.size() - 1, rank - 1))) / 1e6;
    }

    public double p50Ms() {
        return percentileMs(50);
    }

    public double p99Ms() {
        return percentileMs(99);
    }

    /** Calls per second over the series' wall time. */
    public double perSecond() {
        return nanos.size() / (wallNanos / 1e9);
    }

    /** {@code p50 12.3 ms, p99 45.6 ms} */
    public String percentiles() {
        return "p50 " + ms(p50Ms()) + ", p99 " + ms(p99Ms());
    }

    static String ms(double ms) {
        return (ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms)) + " ms";
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
