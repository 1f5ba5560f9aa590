package kz.senim.referral;

import java.util.Objects;
import java.util.Optional;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.Text;

/** A requested change of a referral's status, with the reason a rejection or revocation must give. */
public record ReferralStatusChange(ReferralTransition to, Optional<String> reason) {

    public static final int MAX_REASON = 500;

    public ReferralStatusChange {
        Objects.requireNonNull(to, "to");
        reason = reason.map(text -> Text.bounded("reason", text, MAX_REASON)).filter(text -> !text.isEmpty());
        if (to.reasonRequired() && reason.isEmpty()) {
            throw new InvalidInput("reason", InvalidInput.Violation.MISSING);
        }
    }

    public static ReferralStatusChange to(ReferralTransition to) {
        return new ReferralStatusChange(to, Optional.empty());
    }

    public static ReferralStatusChange to(ReferralTransition to, String reason) {
        return new ReferralStatusChange(to, Optional.of(reason));
    }
}
