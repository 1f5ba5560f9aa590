package kz.senim.alerting.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.alerting.Alert;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.dynamodb.AlertItems;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Consumes the cases table's stream and publishes each new alert from the outbox. Records that fail are reported
 * one by one ({@code batchItemFailures}) so Lambda retries from there; what was already published is skipped.
 */
public final class AlertDispatcherHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcherHandler.class);

    private final DispatchAlerts dispatchAlerts;

    public AlertDispatcherHandler() {
        this(Wiring.fromEnvironment());
    }

    public AlertDispatcherHandler(Wiring wiring) {
        this(wiring.dispatchAlerts());
    }

    public AlertDispatcherHandler(DispatchAlerts dispatchAlerts) {
        this.dispatchAlerts = dispatchAlerts;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            StreamRecord change = record.getDynamodb();
            if (!"INSERT".equals(record.getEventName()) || change == null) {
                continue;
            }
            Map<String, AttributeValue> image = StreamImages.toSdk(change.getNewImage());
            if (!AlertItems.isAlert(image)) {
                continue;
            }
            Alert alert;
            try {
                alert = AlertItems.fromItem(image);
            } catch (RuntimeException unreadable) {
                LOG.error("alert record unreadable sequenceNumber={} cause={}", change.getSequenceNumber(),
                        unreadable.getClass().getName());
                failures.add(failure(change));
                continue;
            }
            try {
                switch (dispatchAlerts.dispatch(alert)) {
                    case DispatchAlerts.Outcome.Published published -> LOG.info(
                            "alert published alertId={} organisation={} severity={} acknowledgeLink={}",
                            alert.alertId(), alert.organisationId(), alert.severity().code(),
                            published.withAcknowledgeLink());
                    case DispatchAlerts.Outcome.AlreadyPublished already -> LOG.info(
                            "alert already published alertId={}", alert.alertId());
                    case DispatchAlerts.Outcome.Deferred deferred -> {
                        LOG.info("alert held by another dispatcher alertId={}", alert.alertId());
                        failures.add(failure(change));
                    }
                }
            } catch (RuntimeException notDelivered) {
                LOG.warn("alert not delivered alertId={} cause={}", alert.alertId(),
                        notDelivered.getCause() == null ? notDelivered.getClass().getName()
                                : notDelivered.getCause().getClass().getName());
                failures.add(failure(change));
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private static StreamsEventResponse.BatchItemFailure failure(StreamRecord change) {
        return StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(change.getSequenceNumber())
                .build();
    }
}
