package kz.senim.local;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import kz.senim.cases.Failures;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One alert topic per organisation on the SNS endpoint, as the stack has them ({@code senim-alerts-<id>}). When the
 * endpoint does not answer at start, Senim starts all the same and takes reports; the topics are created in the
 * background as soon as it answers, and the alerts taken meanwhile go out then (the stream dispatcher's retries, then
 * the sweeper every minute), each once.
 */
final class AlertTopics implements AutoCloseable {

    static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(AlertTopics.class);

    private final Map<String, String> environment;
    private final List<String> organisations;
    private final URI endpoint;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean created;
    private Thread retrier;

    private AlertTopics(Map<String, String> environment, List<String> organisations, URI endpoint) {
        this.environment = environment;
        this.organisations = List.copyOf(organisations);
        this.endpoint = endpoint;
    }

    /**
     * Creates the topics now if the endpoint answers, else keeps trying in the background.
     *
     * @param environment settings of a function that may reach SNS (region, endpoint through the SDK settings)
     */
    static AlertTopics create(Map<String, String> environment, List<String> organisations, URI endpoint) {
        AlertTopics topics = new AlertTopics(environment, organisations, endpoint);
        try {
            topics.createAll();
        } catch (SdkException unreachable) {
            LOG.warn("SNS at {} does not answer ({}): Senim takes reports all the same; the alert topics are created"
                    + " once it answers, and alerts taken meanwhile go out then", endpoint,
                    Failures.kind(unreachable));
            topics.retrier = Thread.ofVirtual().name("alert-topics").start(topics::retry);
        }
        return topics;
    }

    /** Whether every topic exists. */
    boolean created() {
        return created;
    }

    private void createAll() {
        Wiring wiring = new Wiring(environment::get, Clock.systemUTC());
        try {
            for (String organisation : organisations) {
                wiring.sns().createTopic(r -> r.name(SenimLocal.TOPIC_PREFIX + organisation));
            }
            created = true;
            LOG.info("{} alert topics at {} ({}<organisation id>)", organisations.size(), endpoint,
                    SenimLocal.TOPIC_PREFIX);
        } finally {
            LambdaFunction.closeQuietly(wiring.sns());
        }
    }

    private void retry() {
        while (!stopped.get() && !created) {
            LockSupport.parkNanos(this, RETRY_EVERY.toNanos());
            if (stopped.get()) {
                return;
            }
            try {
                createAll();
            } catch (SdkException stillUnreachable) {
                // try again
            }
        }
    }

    @Override
    public void close() {
        stopped.set(true);
        if (retrier != null) {
            LockSupport.unpark(retrier);
            try {
                retrier.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
