package kz.senim.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a referral stands (Primero's referral statuses): the provider accepts or rejects it, then marks it done; a
 * coordinator may revoke it while it is in progress or accepted. Closing is separate: a coordinator closes a done,
 * rejected or revoked referral, which keeps its status and gains a {@code closedAt}.
 */
public enum ReferralStatus {
    IN_PROGRESS("in_progress"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    DONE("done"),
    REVOKED("revoked");

    private final String code;

    ReferralStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ReferralStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
