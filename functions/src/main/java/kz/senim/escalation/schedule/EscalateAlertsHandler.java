package kz.senim.escalation.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.senim.cases.Failures;
import kz.senim.escalation.EscalateAlerts;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs escalation on the EventBridge schedule (every minute). Running twice, or two runs at once, pages nobody twice.
 * A run that cannot read the pending alerts fails, so the error shows in the function's metrics; a failure with
 * one alert (an item that does not parse, any exception) is logged with the alert's id, counted and retried on the
 * next run, and every other alert still escalates.
 */
public final class EscalateAlertsHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {

    private static final Logger LOG = LoggerFactory.getLogger(EscalateAlertsHandler.class);

    private final EscalateAlerts escalateAlerts;

    public EscalateAlertsHandler() {
        this(Wiring.fromEnvironment());
    }

    public EscalateAlertsHandler(Wiring wiring) {
        this(wiring.escalateAlerts());
    }

    public EscalateAlertsHandler(EscalateAlerts escalateAlerts) {
        this.escalateAlerts = escalateAlerts;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        EscalateAlerts.Summary summary;
        try {
            summary = escalateAlerts.run();
        } catch (RuntimeException failure) {
            LOG.error("escalation run failed: {}", Failures.describe(failure));
            throw failure; // the function's Errors alarm fires; the next run tries again
        }
        summary.failures().forEach(failure -> LOG.error("escalation skipped alertId={} cause={}", failure.alertId(),
                failure.cause()));
        LOG.info("escalation run pending={} escalated={} stopped={} failed={}", summary.pending(),
                summary.escalated(), summary.stopped(), summary.failed());
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put("pending", summary.pending());
        result.put("escalated", summary.escalated());
        result.put("stopped", summary.stopped());
        result.put("failed", summary.failed());
        return result;
    }
}
