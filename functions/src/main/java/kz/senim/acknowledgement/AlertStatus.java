package kz.senim.acknowledgement;

import java.util.Arrays;
import java.util.Optional;

/** An organisation's alert is pending until someone acknowledges it; escalation pages belong to such an alert. */
public enum AlertStatus {
    PENDING("pending"),
    ACKNOWLEDGED("acknowledged"),
    PAGE("page");

    private final String code;

    AlertStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AlertStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
