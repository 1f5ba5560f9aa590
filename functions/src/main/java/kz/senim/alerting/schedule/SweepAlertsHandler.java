package kz.senim.alerting.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.senim.alerting.DispatchAlerts.Outcome;
import kz.senim.alerting.DispatchLog;
import kz.senim.alerting.SweepAlerts;
import kz.senim.alerting.UnpublishedAlerts.Unpublished;
import kz.senim.cases.Failures;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sweeper on the EventBridge schedule (every minute): alerts still unpublished a few minutes after their
 * creation are dispatched again. Each run writes the number of alerts unpublished for more than five minutes as a
 * CloudWatch metric (embedded metric format, one JSON line on standard output), which the operators' alarm watches.
 * A run that cannot read the unpublished alerts fails, so the error shows in the function's metrics too.
 */
public final class SweepAlertsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(SweepAlertsHandler.class);
    /** What a run leaves of its invocation's time for the last batch to finish. */
    static final Duration SAFETY = Duration.ofSeconds(15);
    static final Duration BUDGET_WITHOUT_CONTEXT = Duration.ofSeconds(40);

    private final SweepAlerts sweepAlerts;
    private final EmbeddedMetrics metrics;

    public SweepAlertsHandler() {
        this(Wiring.fromEnvironment());
    }

    public SweepAlertsHandler(Wiring wiring) {
        this(wiring.sweepAlerts(), new EmbeddedMetrics(wiring.metricsNamespace(), System.out, Clock.systemUTC()));
    }

    public SweepAlertsHandler(SweepAlerts sweepAlerts, EmbeddedMetrics metrics) {
        this.sweepAlerts = sweepAlerts;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Duration budget = context == null ? BUDGET_WITHOUT_CONTEXT
                : Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis() - SAFETY.toMillis()));
        SweepAlerts.Sweep sweep;
        try {
            sweep = sweepAlerts.run(budget);
        } catch (RuntimeException failure) {
            LOG.error("sweep failed: {}", Failures.describe(failure));
            throw failure; // the function's Errors alarm fires; the next run tries again
        }
        sweep.dispatched().forEach(dispatched -> DispatchLog.log(LOG, dispatched));
        for (Unpublished.Unreadable unreadable : sweep.unreadable()) {
            LOG.error("unpublished alert unreadable alertId={} createdAt={} cause={}", unreadable.alertId(),
                    unreadable.createdAt(), unreadable.cause());
        }
        long published = sweep.count(Outcome.Published.class) + sweep.count(Outcome.PublishedAsDigest.class);
        long failed = sweep.count(Outcome.NotDelivered.class);
        LOG.info("sweep run redispatched={} published={} coalesced={} held={} failed={} unreadable={} overdue={}"
                        + " oldestUnpublishedSeconds={}", sweep.dispatched().size(), published,
                sweep.count(Outcome.Coalesced.class), sweep.count(Outcome.Deferred.class), failed,
                sweep.unreadable().size(), sweep.overdue(), sweep.oldestUnpublished().toSeconds());
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put(EmbeddedMetrics.OVERDUE, (long) sweep.overdue());
        figures.put(EmbeddedMetrics.OLDEST, sweep.oldestUnpublished().toSeconds());
        figures.put(EmbeddedMetrics.REDISPATCHED, (long) sweep.dispatched().size());
        metrics.emit(figures);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("redispatched", sweep.dispatched().size());
        result.put("published", published);
        result.put("failed", failed);
        result.put("unreadable", sweep.unreadable().size());
        result.put("overdue", sweep.overdue());
        return result;
    }
}
