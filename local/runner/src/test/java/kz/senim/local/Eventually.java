package kz.senim.local;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something asynchronous (the stream, the dispatcher) by polling until a deadline. */
final class Eventually {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 50;

    private Eventually() {
    }

    /** Polls {@code probe} until {@code done} accepts its value, and returns that value; fails at the deadline. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        return await(what, DEFAULT_TIMEOUT, probe, done);
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
