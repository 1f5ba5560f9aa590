package kz.senim.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A referral of a case that no coordinator has closed yet, as the case itself keeps it: to whom, where it stands, when
 * it is due. The referral transactions keep it on the case, so that a queue shows a case's referrals at a glance and
 * the provider's people can open the case while the referral is theirs, without reading the referrals.
 *
 * @param status {@code in_progress}, {@code accepted}, {@code rejected}, {@code done} or {@code revoked}
 */
public record OpenReferral(String referralId, String providerId, String status, LocalDate dueDate) {

    public OpenReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
    }

    /** The provider has yet to serve it (in progress or accepted): its due date is one to watch. */
    public boolean awaitsService() {
        return awaitsService(status);
    }

    /** Whether a referral in {@code status} still waits for its provider to serve the person. */
    public static boolean awaitsService(String status) {
        return status.equals("in_progress") || status.equals("accepted");
    }

    /** Still the provider's to work or to report on: not rejected by it, not revoked by the referring side. */
    public boolean heldByProvider() {
        return awaitsService() || status.equals("done");
    }
}
