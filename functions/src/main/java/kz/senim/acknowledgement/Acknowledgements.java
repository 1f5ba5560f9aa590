package kz.senim.acknowledgement;

import java.time.Instant;
import java.util.Optional;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;

/** Alerts as they are acknowledged, and the acknowledgement links already used. */
public interface Acknowledgements {

    /** The alert at {@code address}, read consistently; empty when there is none. */
    Optional<AlertState> find(AlertAddress address);

    /**
     * Stores an acknowledgement in one transaction: the organisation's alert becomes acknowledged (only if it is still
     * pending) and leaves the pending index, the page (if one was acknowledged) is marked, the case change (if any) is
     * stored over the version it was made from, the audit entry is added and the link (if one was used) is spent.
     */
    SaveOutcome save(Acknowledgement acknowledgement);

    /** Spends a link on its own (the alert was acknowledged already): false when it was spent before. */
    boolean spend(LinkUse link, Instant at);

    /** Whether a link was spent already; a read only. */
    boolean isSpent(String linkId);

    /**
     * @param origin        the organisation's alert, pending when it was read
     * @param page          the page that was acknowledged, if it was a page
     * @param acknowledgedBy the organisation that acknowledged
     * @param changedCase   the case taken by this acknowledgement; empty when the case was taken before
     */
    record Acknowledgement(AlertState origin, Optional<AlertState> page, String acknowledgedBy, Instant at,
            Optional<CaseFile> changedCase, AuditEntry entry, Optional<LinkUse> link) {
    }

    /** A one-time link being used: remembered until {@code expiresAt}, after which the link is refused anyway. */
    record LinkUse(String linkId, String alertId, Instant expiresAt) {
    }

    sealed interface SaveOutcome {
        record Saved() implements SaveOutcome { }

        /** Someone acknowledged the alert first; nothing was written. */
        record AlreadyAcknowledged() implements SaveOutcome { }

        /** Someone changed the case in the meantime; nothing was written. Re-read and try again. */
        record CaseChanged() implements SaveOutcome { }

        /** The link was used before; nothing was written. */
        record LinkSpent() implements SaveOutcome { }
    }
}
