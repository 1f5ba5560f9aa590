package kz.senim.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Forbidden;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.Cases;

/**
 * Moves a referral on. The provider's people accept, reject and mark it done; coordinators who work the case, on the
 * referring side (not the provider's own, nor another provider's), revoke and close it. Only over the version the
 * caller saw; audited in the same transaction, which also keeps the case's entry of the referral in step.
 *
 * <p>Who can see a referral at all: members of the provider, and whoever can see its case; anyone else is answered as
 * if it did not exist.
 */
public final class ChangeReferralStatus {

    private final Referrals referrals;
    private final Cases cases;
    private final CaseAccess access;
    private final Clock clock;

    public ChangeReferralStatus(Referrals referrals, Cases cases, CaseAccess access, Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    /** @throws Forbidden when the caller is not the party that may make this change */
    public Outcome change(Caller caller, String referralIdText, long expectedVersion, ReferralStatusChange request) {
        Optional<Referral> found = ReferralId.parse(referralIdText).flatMap(referrals::find);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Referral referral = found.get();
        boolean ofProvider = caller.organisationId().equals(referral.providerId());
        Optional<CaseFile> file = cases.find(referral.reference());
        CaseAccess.Reach reach = file.map(f -> access.reach(caller, f)).orElse(CaseAccess.Reach.NONE);
        if (!ofProvider && reach == CaseAccess.Reach.NONE) {
            return new Outcome.NotFound();
        }
        switch (request.to().party()) {
            case PROVIDER -> {
                if (!ofProvider) {
                    throw new Forbidden("change a referral for its provider");
                }
            }
            case COORDINATOR -> {
                if (!caller.role().coordinates() || reach != CaseAccess.Reach.CASEWORK || ofProvider) {
                    throw new Forbidden("revoke or close a referral");
                }
            }
        }
        if (referral.version() != expectedVersion) {
            return new Outcome.VersionConflict();
        }
        Instant now = clock.instant();
        return switch (referral.apply(request.to(), request.reason(), now)) {
            case Referral.Change.Illegal illegal -> new Outcome.Illegal();
            case Referral.Change.Changed changed -> {
                AuditEntry entry = new AuditEntry(referral.reference(), now, caller.actor(),
                        request.to().auditAction(), Map.of(
                                "referralId", referral.id().value(),
                                "providerId", referral.providerId(),
                                "from", referral.status().code(),
                                "to", request.to().code()));
                yield switch (referrals.save(changed.referral(), entry)) {
                    case Referrals.SaveOutcome.Saved saved ->
                            new Outcome.Changed(changed.referral(), LocalDate.ofInstant(now, ReferralLine.CALENDAR));
                    case Referrals.SaveOutcome.VersionConflict conflict -> new Outcome.VersionConflict();
                };
            }
        };
    }

    public sealed interface Outcome {
        record Changed(Referral referral, LocalDate today) implements Outcome { }

        /** Unknown referral, or one the caller may not see: deliberately the same answer. */
        record NotFound() implements Outcome { }

        /** The referral changed since the caller read it. */
        record VersionConflict() implements Outcome { }

        /** Not allowed from where the referral stands ({@code referral_transition}). */
        record Illegal() implements Outcome { }
    }
}
