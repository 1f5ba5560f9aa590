package kz.senim.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The referrals of a case as case work needs them: to show them with the case, and to keep a case open while any of
 * them is. Implemented by the referral feature's store.
 */
public interface CaseReferrals {

    /** The case's referrals, oldest first. */
    List<ReferralLine> ofCase(Reference reference);

    /** How many of the case's referrals a coordinator has not closed yet; a case cannot close while any is open. */
    default long openCount(Reference reference) {
        return ofCase(reference).stream().filter(ReferralLine::isOpen).count();
    }

    /**
     * A referral to a service provider, in plain values.
     *
     * @param status   {@code in_progress}, {@code accepted}, {@code rejected}, {@code done} or {@code revoked}
     * @param closedAt when a coordinator closed it; open until then
     */
    record ReferralLine(String referralId, Reference reference, String providerId, String service, String status,
            LocalDate dueDate, Instant consentRecordedAt, Optional<CaseText> reason, long version, Instant createdAt,
            Instant updatedAt, Optional<Instant> closedAt) {

        /** Due dates are calendar days in Kazakhstan (one time zone, UTC+5, since 2024). */
        public static final ZoneId CALENDAR = ZoneId.of("Asia/Almaty");

        public ReferralLine {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(dueDate, "dueDate");
        }

        public boolean isOpen() {
            return closedAt.isEmpty();
        }

        /** The same line with its reason changed by {@code change}: opened, say. */
        public ReferralLine withReason(UnaryOperator<CaseText> change) {
            return new ReferralLine(referralId, reference, providerId, service, status, dueDate, consentRecordedAt,
                    reason.map(change), version, createdAt, updatedAt, closedAt);
        }

        /** Past its due date and the provider has not finished (nor refused, nor was it revoked). */
        public boolean overdueOn(LocalDate today) {
            return isOpen() && OpenReferral.awaitsService(status) && dueDate.isBefore(today);
        }
    }
}
