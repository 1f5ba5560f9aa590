package kz.senim.alerting;

/** The alert channel refused or could not be reached; the alert stays unpublished and is retried. */
public final class AlertNotDelivered extends RuntimeException {

    public AlertNotDelivered(String message, Throwable cause) {
        super(message, cause);
    }
}
