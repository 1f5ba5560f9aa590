package kz.senim.erasure;

import java.time.Duration;
import java.util.Objects;

/**
 * How long what people typed about a case is kept: {@code afterClosure} once the case is closed; for a case never
 * closed, {@code inactivity} after its last change, and never without the region's coordinators having been warned
 * {@code warning} ahead. Stack configuration (template parameters); the facts of a case and its audit trail are kept.
 */
public record RetentionPolicy(Duration afterClosure, Duration inactivity, Duration warning) {

    public static final RetentionPolicy DEFAULT = new RetentionPolicy(Duration.ofDays(180), Duration.ofDays(365),
            Duration.ofDays(14));

    public RetentionPolicy {
        Objects.requireNonNull(afterClosure, "afterClosure");
        Objects.requireNonNull(inactivity, "inactivity");
        Objects.requireNonNull(warning, "warning");
        if (afterClosure.isNegative() || afterClosure.isZero() || warning.isNegative()
                || inactivity.compareTo(warning) <= 0) {
            throw new IllegalArgumentException("retention periods must be positive and longer than the warning");
        }
    }

    /** From the days the stack is configured with; the warning is {@link #DEFAULT}'s. */
    public static RetentionPolicy ofDays(long afterClosureDays, long inactivityDays) {
        return new RetentionPolicy(Duration.ofDays(afterClosureDays), Duration.ofDays(inactivityDays),
                DEFAULT.warning());
    }
}
