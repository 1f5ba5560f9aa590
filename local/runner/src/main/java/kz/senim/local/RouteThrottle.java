package kz.senim.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import kz.senim.infrastructure.SamTemplate;

/**
 * A route's throttle as API Gateway applies it: a token bucket that holds at most the template's burst limit and
 * refills at its rate limit, shared by every caller of the route and never keyed by who calls. It counts time on the
 * runner's clock, so a test that holds its clock still sees exactly the burst pass.
 */
final class RouteThrottle {

    private final double rate;
    private final int burst;
    private final Clock clock;
    private double tokens;
    private Instant refilled;

    RouteThrottle(SamTemplate.Throttle throttle, Clock clock) {
        this.rate = throttle.rateLimit();
        this.burst = throttle.burstLimit();
        this.clock = clock;
        this.tokens = burst;
        this.refilled = clock.instant();
    }

    /** Takes a token: empty when the request may pass, else the whole seconds until the next token (Retry-After). */
    synchronized OptionalLong take() {
        Instant now = clock.instant();
        if (now.isAfter(refilled)) {
            tokens = Math.min(burst, tokens + Duration.between(refilled, now).toNanos() / 1e9 * rate);
            refilled = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / rate)));
    }
}
