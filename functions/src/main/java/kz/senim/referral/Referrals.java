package kz.senim.referral;

import java.util.List;
import java.util.Optional;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.CaseReferrals;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;

/** Referrals, kept with their case; each change is stored together with its audit line. */
public interface Referrals extends CaseReferrals {

    Optional<Referral> find(ReferralId id);

    /** The case's referrals, oldest first. */
    List<Referral> of(Reference reference);

    @Override
    default List<ReferralLine> ofCase(Reference reference) {
        return of(reference).stream().map(Referral::line).toList();
    }

    /**
     * Stores a new referral, the case changed for it (the provider involved, the version moved on) and the audit line
     * in one transaction, or none of them.
     */
    CreateOutcome create(Referral referral, CaseFile changedCase, AuditEntry entry);

    /**
     * As {@link #create(Referral, CaseFile, AuditEntry)}, together with the record of the request's
     * {@code Idempotency-Key}: all of them or none. A key taken already gets {@link CreateOutcome.KeyTaken}.
     */
    CreateOutcome create(Referral referral, CaseFile changedCase, AuditEntry entry, StaffKey key);

    /** The record of a coordinator's {@code Idempotency-Key} in the case, if a referral was created under it. */
    Optional<StaffKey> staffKey(Reference reference, String keyHash);

    /** Stores {@code changed} if the stored referral is still at {@code changed.version() - 1}, with its audit line. */
    SaveOutcome save(Referral changed, AuditEntry entry);

    /** A provider's referrals, soonest due first, one page at a time. */
    ProviderPage forProvider(ProviderQuery query);

    record ProviderQuery(String providerId, Optional<ReferralStatus> status, int limit, Optional<String> cursor) {
    }

    record ProviderPage(List<Referral> referrals, Optional<String> nextCursor) {
        public ProviderPage {
            referrals = List.copyOf(referrals);
        }
    }

    sealed interface CreateOutcome {
        record Created() implements CreateOutcome { }

        /** The random id is taken already; nothing was written. Try another. */
        record IdTaken() implements CreateOutcome { }

        /** The case changed since it was read; nothing was written. Re-read and try again. */
        record CaseChanged() implements CreateOutcome { }

        /** Another request under the same {@code Idempotency-Key} got there first; nothing was written. */
        record KeyTaken() implements CreateOutcome { }
    }

    sealed interface SaveOutcome {
        record Saved() implements SaveOutcome { }

        /** Someone changed the referral first; nothing was written. */
        record VersionConflict() implements SaveOutcome { }
    }
}
