package kz.senim.referral;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.CaseAccess;
import kz.senim.access.Caller;
import kz.senim.audit.Actor;
import kz.senim.audit.AuditEntry;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.casework.CaseFile;
import kz.senim.casework.CaseReferrals.ReferralLine;
import kz.senim.casework.Cases;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;

/**
 * A coordinator refers the person of a case to a provider's service. No consent, no referral: without it nothing is
 * stored. The provider must be in the directory and offer the service; it joins the case's involved organisations.
 * Referral, case and audit line are stored in one transaction.
 */
public final class ReferToService {

    public static final String AUDIT_ACTION = "referral_created";
    /** A concurrent change of the case, or an id taken already, is retried this many times in all. */
    static final int ATTEMPTS = 3;

    private final Cases cases;
    private final Referrals referrals;
    private final Directory directory;
    private final CaseAccess access;
    private final SecureRandom random;
    private final Clock clock;

    public ReferToService(Cases cases, Referrals referrals, Directory directory, CaseAccess access,
            SecureRandom random, Clock clock) {
        this.cases = cases;
        this.referrals = referrals;
        this.directory = directory;
        this.access = access;
        this.random = random;
        this.clock = clock;
    }

    /** @throws kz.senim.access.Forbidden unless the caller coordinates */
    public Outcome refer(Caller caller, String referenceText, ReferralRequest request) {
        CaseAccess.requireCoordinator(caller, "refer to a service");
        Optional<Reference> reference = Reference.parse(referenceText);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CaseFile> found = access.visible(caller, reference.flatMap(cases::find));
            if (found.isEmpty()) {
                return new Outcome.CaseNotFound();
            }
            if (!request.consentGiven()) {
                return new Outcome.ConsentRequired();
            }
            Optional<Organisation> provider = directory.organisation(request.providerId())
                    .filter(organisation -> organisation.offers(request.service()));
            if (provider.isEmpty()) {
                return new Outcome.ProviderNotFound();
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, ReferralLine.CALENDAR);
            if (request.dueDate().isBefore(today) || request.dueDate().isAfter(today.plusYears(1))) {
                return new Outcome.DueDateOutOfRange(today, today.plusYears(1));
            }
            CaseFile file = found.get();
            if (file.status() == CaseStatus.CLOSED) {
                return new Outcome.CaseClosed();
            }
            Referral referral = Referral.create(ReferralId.random(file.reference(), random), provider.get().id(),
                    request.service(), request.dueDate(), now);
            CaseFile involving = file.involving(provider.get().id(), now);
            Outcome.Referred referred = new Outcome.Referred(referral, today);
            switch (referrals.create(referral, involving, audit(caller, referral, now))) {
                case Referrals.CreateOutcome.Created created -> {
                    return referred;
                }
                case Referrals.CreateOutcome.IdTaken taken -> {
                    // another referral of this case drew the same four symbols: draw again
                }
                case Referrals.CreateOutcome.CaseChanged changed -> {
                    // the case moved on (closed, assigned, another referral): decide again on its new state
                }
            }
        }
        return new Outcome.VersionConflict();
    }

    private static AuditEntry audit(Caller caller, Referral referral, Instant now) {
        Map<String, String> details = new HashMap<>();
        details.put("referralId", referral.id().value());
        details.put("providerId", referral.providerId());
        details.put("service", referral.service().code());
        details.put("dueDate", referral.dueDate().toString());
        details.put("consent", "given");
        return new AuditEntry(referral.reference(), now, Actor.Person.of(caller), AUDIT_ACTION, details);
    }

    public sealed interface Outcome {
        record Referred(Referral referral, LocalDate today) implements Outcome { }

        /** Unknown reference, or a case outside the caller's scope: deliberately the same answer. */
        record CaseNotFound() implements Outcome { }

        /** No such organisation in the directory, or it does not offer the service. */
        record ProviderNotFound() implements Outcome { }

        /** The person did not consent: nothing was stored. */
        record ConsentRequired() implements Outcome { }

        /** The due date must be from {@code earliest} to {@code latest} (Kazakhstan calendar days). */
        record DueDateOutOfRange(LocalDate earliest, LocalDate latest) implements Outcome { }

        record CaseClosed() implements Outcome { }

        /** The case kept changing under the referral; nothing was stored. */
        record VersionConflict() implements Outcome { }
    }
}
