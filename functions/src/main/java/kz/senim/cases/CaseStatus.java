package kz.senim.cases;

import java.util.Arrays;
import java.util.Optional;

/** Where a case stands. The reporter sees it in safe words (see {@code status.*} messages). */
public enum CaseStatus {
    RECEIVED("received"),
    ACKNOWLEDGED("acknowledged"),
    IN_PROGRESS("in_progress"),
    CLOSED("closed");

    private final String code;

    CaseStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CaseStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
