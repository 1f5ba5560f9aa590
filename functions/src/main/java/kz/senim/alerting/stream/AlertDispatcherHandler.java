package kz.senim.alerting.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.dynamodb.StreamedAlerts;
import kz.senim.cases.Alert;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
            Alert alert;
            switch (StreamedAlerts.read(record)) {
                case StreamedAlerts.Read.NotAnAlert other -> {
                    continue;
                }
                case StreamedAlerts.Read.Unreadable unreadable -> {
                    LOG.error("alert record unreadable sequenceNumber={} cause={}", change.getSequenceNumber(),
                            unreadable.cause());
                    failures.add(failure(change));
                    continue;
                }
                case StreamedAlerts.Read.Inserted inserted -> alert = inserted.alert();
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
