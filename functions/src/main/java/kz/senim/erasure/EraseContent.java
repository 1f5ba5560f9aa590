package kz.senim.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseKeyring;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralStatus;
import kz.senim.referral.ReferralTransition;
import kz.senim.referral.Referrals;

/**
 * Erases what people typed about a case: narrative, locality, messages, reasons, the receipt's hash, and the case's
 * data keys, which makes every copy of its sealed texts unreadable, backups included. What remains are the facts
 * (category, region, severity, dates, outcome, referral statuses) and the audit trail.
 *
 * <p>A withdrawal also stops the case: its pending alerts are acknowledged on the reporter's behalf (paging stops),
 * its open referrals are revoked and their providers told by a notice. Every step is audited as the reporter's.
 */
public final class EraseContent {

    static final String ERASED = "content_erased";
    static final String WITHDRAWN = "report_withdrawn";
    static final int ATTEMPTS = 3;

    private final CaseErasures erasures;
    private final CaseKeyring keyring;
    private final Cases cases;
    private final Referrals referrals;
    private final Clock clock;

    public EraseContent(CaseErasures erasures, CaseKeyring keyring, Cases cases, Referrals referrals, Clock clock) {
        this.erasures = erasures;
        this.keyring = keyring;
        this.cases = cases;
        this.referrals = referrals;
        this.clock = clock;
    }

    /**
     * Erases the content of the case as it was read, by {@code actor}; then finishes the erasure.
     *
     * @return {@link CaseErasures.Outcome.CaseChanged} when the case changed since it was read: nothing was erased
     */
    public CaseErasures.Outcome erase(CaseFile file, ErasureReason reason, Actor actor) {
        Instant now = clock.instant();
        String action = reason == ErasureReason.WITHDRAWN_BY_REPORTER ? WITHDRAWN : ERASED;
        AuditEntry entry = new AuditEntry(file.reference(), now, actor, action, Map.of("reason", reason.code(),
                "from", file.status().code()));
        CaseErasures.Outcome committed = erasures.commit(new CaseErasures.Commit(file, reason, now, entry));
        if (committed instanceof CaseErasures.Outcome.Stored) {
            finish(file.reference());
        }
        return committed;
    }

    /** Finishes an erasure that was committed; safe to repeat, and to run after one that stopped half-way. */
    public void finish(Reference reference) {
        Optional<CaseFile> file = cases.find(reference);
        if (file.isPresent() && file.get().status() == CaseStatus.WITHDRAWN_BY_REPORTER) {
            stopPaging(file.get());
            revokeReferrals(file.get());
        }
        keyring.forget(reference);
        erasures.stripContent(reference);
        erasures.finished(reference);
    }

    private void stopPaging(CaseFile file) {
        for (Alert alert : erasures.pendingAlerts(file.reference())) {
            Instant now = clock.instant();
            erasures.acknowledge(alert, now, new AuditEntry(file.reference(), now,
                    new Actor.Reporter(), "alert_acknowledged", Map.of("alertId", alert.alertId(),
                            "chainId", alert.alertId(), "reason", ErasureReason.WITHDRAWN_BY_REPORTER.code())));
        }
    }

    /** Revokes what the providers are still working on, and tells every provider a referral of the case is revoked. */
    private void revokeReferrals(CaseFile file) {
        for (Referral referral : referrals.of(file.reference())) {
            revoke(referral);
        }
        Set<String> providers = new LinkedHashSet<>();
        referrals.of(file.reference()).stream()
                .filter(referral -> referral.isOpen() && referral.status() == ReferralStatus.REVOKED)
                .forEach(referral -> providers.add(referral.providerId()));
        Instant now = clock.instant();
        erasures.notify(providers.stream()
                .map(provider -> Alert.notice(file.reference(), provider, file.region(),
                        file.submission().category(), Alert.Notice.referralsRevoked(), now))
                .toList());
    }

    private void revoke(Referral referral) {
        Referral current = referral;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!(current.apply(ReferralTransition.REVOKED, Optional.empty(), clock.instant())
                    instanceof Referral.Change.Changed changed)) {
                return; // done, rejected, revoked or closed already: nothing the provider still works on
            }
            AuditEntry entry = new AuditEntry(referral.reference(), changed.referral().updatedAt(),
                    new Actor.Reporter(), ReferralTransition.REVOKED.auditAction(), Map.of(
                            "referralId", referral.id().value(),
                            "providerId", referral.providerId(),
                            "from", current.status().code(),
                            "to", ReferralTransition.REVOKED.code(),
                            "reason", ErasureReason.WITHDRAWN_BY_REPORTER.code()));
            if (referrals.save(changed.referral(), entry) instanceof Referrals.SaveOutcome.Saved) {
                return;
            }
            Optional<Referral> reread = referrals.find(referral.id());
            if (reread.isEmpty()) {
                return;
            }
            current = reread.get();
        }
    }
}
