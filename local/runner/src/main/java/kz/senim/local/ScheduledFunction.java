package kz.senim.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.infrastructure.SamTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function with {@code Schedule} / {@code ScheduleV2} events: invoked with an EventBridge "Scheduled Event" every
 * period of a {@code rate(...)} expression (first run one period after start, as EventBridge does), and on demand at
 * {@code POST /local/schedules/<function>}. {@code cron(...)} and {@code at(...)} schedules run on demand only.
 */
final class ScheduledFunction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledFunction.class);
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    /** One schedule event of the function. */
    record Schedule(String eventName, String type, String expression, boolean enabled) {

        /** The period of a {@code rate(...)} expression; empty for cron and at expressions. */
        Optional<Duration> rate() {
            Matcher matcher = RATE.matcher(expression.strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "minute", "minutes" -> Duration.ofMinutes(amount);
                case "hour", "hours" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
    }

    private final LambdaFunction<Map<String, Object>, Object> function;
    private final List<Schedule> schedules;
    private final Deployment deployment;
    private final Clock clock;
    private final List<Thread> timers = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** @param clock the time of the events ({@code time} of the Scheduled Event) */
    ScheduledFunction(LambdaFunction<Map<String, Object>, Object> function, List<Schedule> schedules, Deployment deployment,
                      Clock clock) {
        this.function = function;
        this.schedules = List.copyOf(schedules);
        this.deployment = deployment;
        this.clock = clock;
    }

    /** The schedule events of a function of the template (most functions have none). */
    static List<Schedule> schedulesOf(SamTemplate template, String functionLogicalId) {
        List<Schedule> schedules = new ArrayList<>();
        template.functionProperties(functionLogicalId).path("Events").fields().forEachRemaining(entry -> {
            String type = entry.getValue().path("Type").asText();
            if (type.equals("Schedule") || type.equals("ScheduleV2")) {
                JsonNode properties = entry.getValue().path("Properties");
                boolean enabled = !"DISABLED".equalsIgnoreCase(properties.path("State").asText("ENABLED"))
                        && properties.path("Enabled").asBoolean(true);
                schedules.add(new Schedule(entry.getKey(), type, properties.path("ScheduleExpression").asText(),
                        enabled));
            }
        });
        return List.copyOf(schedules);
    }

    String logicalId() {
        return function.logicalId();
    }

    List<Schedule> schedules() {
        return schedules;
    }

    /** Starts a timer for every enabled rate schedule. */
    void start() {
        for (Schedule schedule : schedules) {
            Optional<Duration> period = schedule.rate();
            if (!schedule.enabled()) {
                continue;
            }
            if (period.isEmpty()) {
                LOG.info("{} {} runs on demand only: POST /local/schedules/{}", logicalId(), schedule.expression(),
                        logicalId());
                continue;
            }
            timers.add(Thread.ofVirtual().name("schedule-" + logicalId()).start(() -> every(period.get(), schedule)));
        }
    }

    /** Runs the function now, as its first schedule would. */
    Object runNow() {
        return function.invoke(event(schedules.getFirst()));
    }

    private void every(Duration period, Schedule schedule) {
        long next = System.nanoTime() + period.toNanos();
        while (!stopped.get()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            next += period.toNanos();
            try {
                function.invoke(event(schedule));
            } catch (RuntimeException failure) {
                LOG.warn("scheduled run of {} failed: {}", logicalId(), failure.getClass().getName());
            }
        }
    }

    /** The event EventBridge (or EventBridge Scheduler) sends, as the JSON object the handlers take it as. */
    private Map<String, Object> event(Schedule schedule) {
        boolean scheduler = schedule.type().equals("ScheduleV2");
        String name = Deployment.STACK_NAME + "-" + logicalId() + "-" + schedule.eventName();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", scheduler ? "aws.scheduler" : "aws.events");
        event.put("account", deployment.accountId());
        event.put("time", Instant.ofEpochMilli(clock.millis()).truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", deployment.region());
        event.put("resources", List.of(scheduler
                ? "arn:aws:scheduler:" + deployment.region() + ":" + deployment.accountId() + ":schedule/default/" + name
                : "arn:aws:events:" + deployment.region() + ":" + deployment.accountId() + ":rule/" + name));
        event.put("detail", Map.of());
        return event;
    }

    @Override
    public void close() {
        stopped.set(true);
        for (Thread timer : timers) {
            LockSupport.unpark(timer);
            try {
                timer.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
