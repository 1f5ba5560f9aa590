package kz.senim.alerting.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.DispatchLog;
import kz.senim.alerting.dynamodb.StreamedAlerts;
import kz.senim.cases.Alert;
import kz.senim.cases.Failures;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the cases table's stream and publishes each new alert from the outbox, the alerts of a batch claimed and
 * marked together. Records whose alert was not delivered are reported one by one ({@code batchItemFailures}) so Lambda
 * retries from there; what was already published is skipped. An alert another dispatcher holds is no failure (its
 * retries would only find it held): if its holder never publishes it, the sweeper does.
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
        Map<String, StreamRecord> records = new LinkedHashMap<>();
        List<Alert> alerts = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            StreamRecord change = record.getDynamodb();
            switch (StreamedAlerts.read(record)) {
                case StreamedAlerts.Read.NotAnAlert other -> { }
                case StreamedAlerts.Read.Unreadable unreadable -> {
                    LOG.error("alert record unreadable sequenceNumber={} cause={}", change.getSequenceNumber(),
                            unreadable.cause());
                    failures.add(failure(change));
                }
                case StreamedAlerts.Read.Inserted inserted -> {
                    alerts.add(inserted.alert());
                    records.putIfAbsent(inserted.alert().alertId(), change);
                }
            }
        }
        List<DispatchAlerts.Dispatched> dispatched;
        try {
            dispatched = dispatchAlerts.dispatchAll(alerts);
        } catch (RuntimeException bug) {
            LOG.error("alert dispatch failed: {}", Failures.describe(bug));
            throw bug; // the whole batch is retried, and the function's Errors alarm fires
        }
        for (DispatchAlerts.Dispatched one : dispatched) {
            if (!DispatchLog.log(LOG, one)) {
                failures.add(failure(records.get(one.alert().alertId())));
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
