package kz.senim.alerting;

/**
 * What people read of an alert, in the organisation's alert language: one SMS (at most
 * {@value AlertWording#SMS_LIMIT} UTF-16 units, two UCS-2 segments) and an e-mail. Both give urgency, category,
 * region and the case reference, never the narrative, the locality or anything about the reporter.
 */
public record AlertTexts(String sms, String emailSubject, String emailBody) {

    public AlertTexts {
        if (sms.length() > AlertWording.SMS_LIMIT) {
            throw new IllegalArgumentException("an SMS longer than " + AlertWording.SMS_LIMIT + " units");
        }
        if (emailSubject.length() >= AlertWording.SUBJECT_LIMIT || emailSubject.matches("(?s).*[\\r\\n].*")) {
            throw new IllegalArgumentException("an e-mail subject SNS would refuse");
        }
    }
}
