package kz.senim.alerting.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * CloudWatch metrics written as one line of the embedded metric format on standard output: Lambda sends the line to
 * CloudWatch Logs, which turns it into metrics, with no client library, no API call and no extra permission.
 */
public final class EmbeddedMetrics {

    /** Alerts unpublished more than five minutes after their creation: the operators' alarm fires at 1. */
    public static final String OVERDUE = "UnpublishedAlertsOverFiveMinutes";
    public static final String OLDEST = "OldestUnpublishedAlertAgeSeconds";
    public static final String REDISPATCHED = "AlertsRedispatched";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> UNITS = Map.of(OVERDUE, "Count", OLDEST, "Seconds", REDISPATCHED,
            "Count");

    private final String namespace;
    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(String namespace, PrintStream out, Clock clock) {
        this.namespace = namespace;
        this.out = out;
        this.clock = clock;
    }

    /** One EMF document with these values, in the namespace, without dimensions. */
    public void emit(Map<String, Long> values) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws").put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
        directive.putArray("Dimensions").addArray();
        ArrayNode metrics = directive.putArray("Metrics");
        values.forEach((name, value) -> {
            metrics.addObject().put("Name", name).put("Unit", UNITS.getOrDefault(name, "None"));
            line.put(name, value);
        });
        out.println(line);
    }
}
