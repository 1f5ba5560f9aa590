package kz.senim.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.cases.CaseReferrals.ReferralLine;

/**
 * The referrals made to the caller's organisation, soonest due first, for its people to work through. Shows the
 * referral, never the case's narrative; each referral's case opens with {@code GET /v1/cases/{reference}} (audited).
 */
public final class ProviderReferrals {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    private final Referrals referrals;
    private final Clock clock;

    public ProviderReferrals(Referrals referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    public Page list(Caller caller, Optional<ReferralStatus> status, int limit, Optional<String> cursor) {
        Referrals.ProviderPage page = referrals.forProvider(
                new Referrals.ProviderQuery(caller.organisationId(), status, limit, cursor));
        return new Page(page.referrals(), page.nextCursor(), LocalDate.ofInstant(clock.instant(), ReferralLine.CALENDAR));
    }

    /** @param today the calendar day {@code overdue} is judged on */
    public record Page(List<Referral> referrals, Optional<String> nextCursor, LocalDate today) {
        public Page {
            referrals = List.copyOf(referrals);
        }
    }
}
