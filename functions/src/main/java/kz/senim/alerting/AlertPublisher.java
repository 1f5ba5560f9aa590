package kz.senim.alerting;

/** Delivers an alert to the organisation's channel (an SNS topic in AWS; an inbox in the local runner). */
public interface AlertPublisher {

    /**
     * @return the channel's id for the delivered message
     * @throws AlertNotDelivered when the channel did not take the message; the alert will be retried
     */
    String publish(AlertMessage message);
}
