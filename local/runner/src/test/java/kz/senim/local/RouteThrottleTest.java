package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.Test;

/** The token bucket API Gateway applies to a route, on a clock the test moves. */
class RouteThrottleTest {

    private final MutableClock clock = MutableClock.startingNow();

    private long refused(RouteThrottle throttle, int requests) {
        return IntStream.range(0, requests).mapToObj(i -> throttle.take()).filter(OptionalLong::isPresent).count();
    }

    @Test
    void the_burst_passes_at_once_and_the_next_request_waits_for_a_token() {
        RouteThrottle throttle = new RouteThrottle(new SamTemplate.Throttle(1, 10), clock);

        assertThat(refused(throttle, 10)).isZero();
        assertThat(throttle.take()).hasValue(1);
        assertThat(refused(throttle, 5)).isEqualTo(5);
    }

    @Test
    void tokens_come_back_at_the_rate_and_never_beyond_the_burst() {
        RouteThrottle throttle = new RouteThrottle(new SamTemplate.Throttle(2, 4), clock);
        refused(throttle, 4);

        clock.advance(Duration.ofMillis(1500));

        assertThat(refused(throttle, 3)).as("1.5 s at 2 a second: 3 tokens").isZero();
        assertThat(throttle.take()).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(refused(throttle, 5)).as("an hour later the bucket holds its burst, no more").isEqualTo(1);
    }

    @Test
    void retry_after_is_the_whole_seconds_until_the_next_token() {
        RouteThrottle slow = new RouteThrottle(new SamTemplate.Throttle(0.25, 1), clock);
        slow.take();

        assertThat(slow.take()).hasValue(4);
        clock.advance(Duration.ofSeconds(3));
        assertThat(slow.take()).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(slow.take()).isEmpty();
    }
}
