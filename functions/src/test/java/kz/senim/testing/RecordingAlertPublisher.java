package kz.senim.testing;

import java.util.ArrayList;
import java.util.List;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.AlertNotDelivered;
import kz.senim.alerting.AlertPublisher;

/** Keeps what it is asked to publish; can be told to fail the next N times. */
public final class RecordingAlertPublisher implements AlertPublisher {

    private final List<AlertMessage> published = new ArrayList<>();
    private int failuresToCome;

    @Override
    public synchronized String publish(AlertMessage message) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new AlertNotDelivered("test: channel down", null);
        }
        published.add(message);
        return "message-" + published.size();
    }

    public synchronized void failNext(int times) {
        failuresToCome = times;
    }

    public synchronized List<AlertMessage> published() {
        return List.copyOf(published);
    }
}
