package kz.senim.referral;

import java.util.Arrays;
import java.util.Optional;

/** A change a person asks of a referral ({@code to} of {@code POST /v1/referrals/{referralId}/status}), and who may ask it. */
public enum ReferralTransition {
    ACCEPTED("accepted", Party.PROVIDER, false),
    REJECTED("rejected", Party.PROVIDER, true),
    DONE("done", Party.PROVIDER, false),
    REVOKED("revoked", Party.COORDINATOR, true),
    CLOSED("closed", Party.COORDINATOR, false);

    /** Who may ask: members of the provider organisation, or coordinators who can see the case. */
    public enum Party { PROVIDER, COORDINATOR }

    private final String code;
    private final Party party;
    private final boolean reasonRequired;

    ReferralTransition(String code, Party party, boolean reasonRequired) {
        this.code = code;
        this.party = party;
        this.reasonRequired = reasonRequired;
    }

    public String code() {
        return code;
    }

    public Party party() {
        return party;
    }

    /** A rejection or a revocation says why, for the people who work the case. */
    public boolean reasonRequired() {
        return reasonRequired;
    }

    public String auditAction() {
        return "referral_" + code;
    }

    public static Optional<ReferralTransition> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
