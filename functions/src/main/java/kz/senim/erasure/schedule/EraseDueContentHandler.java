package kz.senim.erasure.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.senim.cases.Failures;
import kz.senim.erasure.EraseDueContent;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention on the EventBridge schedule (every hour): erasures due are made, erasures that stopped half-way are
 * finished, coordinators are warned 14 days ahead. Running twice, or two runs at once, erases nothing twice and warns
 * nobody twice. A run that cannot read the retention index fails, logged by its class and Senim's frames, so the
 * function's Errors alarm tells the operators; a failure with one case is counted and retried on the next run. The
 * schedule's event is taken as a map and not read, as escalation's is (no Joda-Time date decoded at a cold start).
 */
public final class EraseDueContentHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {

    private static final Logger LOG = LoggerFactory.getLogger(EraseDueContentHandler.class);

    private final EraseDueContent eraseDueContent;

    public EraseDueContentHandler() {
        this(Wiring.fromEnvironment());
    }

    public EraseDueContentHandler(Wiring wiring) {
        this(wiring.eraseDueContent());
    }

    public EraseDueContentHandler(EraseDueContent eraseDueContent) {
        this.eraseDueContent = eraseDueContent;
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
        EraseDueContent.Summary summary;
        try {
            summary = eraseDueContent.run();
        } catch (RuntimeException failure) {
            LOG.error("retention run failed: {}", Failures.describe(failure));
            throw failure; // the function's Errors alarm fires; the next run tries again
        }
        LOG.info("retention run finished={} erased={} warned={} failed={}", summary.finished(), summary.erased(),
                summary.warned(), summary.failed());
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put("finished", summary.finished());
        result.put("erased", summary.erased());
        result.put("warned", summary.warned());
        result.put("failed", summary.failed());
        return result;
    }
}
