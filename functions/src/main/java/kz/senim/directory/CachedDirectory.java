package kz.senim.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the directory in memory for a short while: it changes rarely, and every report reads all of it. A change of
 * coverage takes effect within {@code maxAge} on every warm function.
 */
public final class CachedDirectory implements Directory {

    private final Directory source;
    private final Clock clock;
    private final Duration maxAge;
    private volatile List<Organisation> cached;
    private volatile Instant loadedAt = Instant.MIN;

    public CachedDirectory(Directory source, Clock clock, Duration maxAge) {
        this.source = source;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<Organisation> organisations() {
        Instant now = clock.instant();
        List<Organisation> current = cached;
        if (current == null || loadedAt.plus(maxAge).isBefore(now)) {
            current = source.organisations();
            cached = current;
            loadedAt = now;
        }
        return current;
    }
}
