package kz.senim.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a case stands. The reporter sees it in safe words (see {@code status.*} messages). A case its reporter
 * withdrew is {@code withdrawn_by_reporter} for good: its content is erased and nothing more happens to it.
 */
public enum CaseStatus {
    RECEIVED("received"),
    ACKNOWLEDGED("acknowledged"),
    IN_PROGRESS("in_progress"),
    CLOSED("closed"),
    WITHDRAWN_BY_REPORTER("withdrawn_by_reporter");

    private final String code;

    CaseStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Closed (until reopened) or withdrawn (for good): it takes no messages from responders and no referrals. */
    public boolean ended() {
        return this == CLOSED || this == WITHDRAWN_BY_REPORTER;
    }

    public static Optional<CaseStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
