package kz.senim.escalation;

import kz.senim.cases.Alert;

/** An organisation's alert nobody has acknowledged yet, and how many escalation steps it has been through. */
public record PendingAlert(Alert alert, int escalationStep) {

    public PendingAlert {
        if (escalationStep < 0) {
            throw new IllegalArgumentException("escalationStep must not be negative");
        }
    }
}
