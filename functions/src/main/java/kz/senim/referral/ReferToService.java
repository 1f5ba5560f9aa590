package kz.senim.referral;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.Cases;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;

/**
 * A coordinator refers the person of a case to a provider's service. No consent, no referral: without it nothing is
 * stored. The provider must be in the directory, offer the service and serve the case's region (or every region);
 * its people may open the case while the referral is theirs (the case keeps it open, not as an involved
 * organisation). Referral, case and audit line are stored in one transaction.
 *
 * <p>Sent with an {@link IdempotencyKey}, the referral id is derived from the key and the key's record joins that
 * transaction: a retry by the same coordinator with the same request answers the first result again (even if the
 * referral or the case moved on since) and stores nothing; the same key with another request is refused.
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
        return refer(caller, referenceText, request, Optional.empty());
    }

    /** @throws kz.senim.access.Forbidden unless the caller coordinates the case (not only provides a service) */
    public Outcome refer(Caller caller, String referenceText, ReferralRequest request, Optional<IdempotencyKey> key) {
        CaseAccess.requireCoordinator(caller, "refer to a service");
        Optional<Reference> reference = Reference.parse(referenceText);
        String keyHash = key.map(IdempotencyKey::hash).orElse(null);
        String requestHash = StaffKey.requestHash(AUDIT_ACTION, caller.personId(), caller.organisationId(), request.providerId(),
                request.service().code(), Boolean.toString(request.consentGiven()), request.dueDate().toString());
        int idDraw = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CaseFile> found = access.visible(caller, reference.flatMap(cases::find));
            if (found.isEmpty()) {
                return new Outcome.CaseNotFound();
            }
            access.requireCasework(caller, found.get(), "refer a case it only provides a service for");
            if (keyHash != null) {
                Optional<StaffKey> earlier = referrals.staffKey(found.get().reference(), keyHash);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), requestHash, request);
                }
            }
            if (!request.consentGiven()) {
                return new Outcome.ConsentRequired();
            }
            Optional<Organisation> provider = directory.organisation(request.providerId())
                    .filter(organisation -> organisation.offers(request.service()));
            if (provider.isEmpty()) {
                return new Outcome.ProviderNotFound();
            }
            if (!provider.get().serves(found.get().region())) {
                return new Outcome.ProviderNotInRegion();
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, ReferralLine.CALENDAR);
            if (request.dueDate().isBefore(today) || request.dueDate().isAfter(today.plusYears(1))) {
                return new Outcome.DueDateOutOfRange(today, today.plusYears(1));
            }
            CaseFile file = found.get();
            if (file.status().ended()) {
                return new Outcome.CaseClosed();
            }
            ReferralId id = keyHash == null ? ReferralId.random(file.reference(), random)
                    : ReferralId.forKey(file.reference(), keyHash, idDraw);
            Referral referral = Referral.create(id, provider.get().id(), request.service(), request.dueDate(), now);
            CaseFile withReferral = file.referred(referral.onCase().orElseThrow(), now);
            Outcome.Referred referred = new Outcome.Referred(referral, today);
            AuditEntry entry = audit(caller, referral, now);
            Referrals.CreateOutcome created = keyHash == null ? referrals.create(referral, withReferral, entry)
                    : referrals.create(referral, withReferral, entry,
                            new StaffKey(keyHash, requestHash, referral.id().value(), now));
            switch (created) {
                case Referrals.CreateOutcome.Created stored -> {
                    return referred;
                }
                case Referrals.CreateOutcome.IdTaken taken -> {
                    // another referral of this case drew the same four symbols: draw again
                    idDraw++;
                }
                case Referrals.CreateOutcome.CaseChanged changed -> {
                    // the case moved on (closed, assigned, another referral): decide again on its new state
                }
                case Referrals.CreateOutcome.KeyTaken taken -> {
                    // a retry under the same key got there first: the next round answers its result
                }
            }
        }
        return new Outcome.VersionConflict();
    }

    /**
     * The first result again, as it was answered: the referral as created (in progress, version 1) on the day it
     * was created, or a refusal if the key was used for another request.
     */
    private static Outcome replay(StaffKey earlier, String requestHash, ReferralRequest request) {
        if (!earlier.sameRequest(requestHash)) {
            return new Outcome.KeyReused();
        }
        Referral first = Referral.create(new ReferralId(earlier.createdId()), request.providerId(),
                request.service(), request.dueDate(), earlier.at());
        return new Outcome.Referred(first, LocalDate.ofInstant(earlier.at(), ReferralLine.CALENDAR), true);
    }

    private static AuditEntry audit(Caller caller, Referral referral, Instant now) {
        Map<String, String> details = new HashMap<>();
        details.put("referralId", referral.id().value());
        details.put("providerId", referral.providerId());
        details.put("service", referral.service().code());
        details.put("dueDate", referral.dueDate().toString());
        details.put("consent", "given");
        return new AuditEntry(referral.reference(), now, caller.actor(), AUDIT_ACTION, details);
    }

    public sealed interface Outcome {
        /** @param replayed true when this answers a retry of a referral already created under the same key */
        record Referred(Referral referral, LocalDate today, boolean replayed) implements Outcome {
            public Referred(Referral referral, LocalDate today) {
                this(referral, today, false);
            }
        }

        /** Unknown reference, or a case outside the caller's scope: deliberately the same answer. */
        record CaseNotFound() implements Outcome { }

        /** No such organisation in the directory, or it does not offer the service. */
        record ProviderNotFound() implements Outcome { }

        /** The provider serves neither the case's region nor every region: nothing was stored. */
        record ProviderNotInRegion() implements Outcome { }

        /** The person did not consent: nothing was stored. */
        record ConsentRequired() implements Outcome { }

        /** The due date must be from {@code earliest} to {@code latest} (Kazakhstan calendar days). */
        record DueDateOutOfRange(LocalDate earliest, LocalDate latest) implements Outcome { }

        record CaseClosed() implements Outcome { }

        /** The case kept changing under the referral; nothing was stored. */
        record VersionConflict() implements Outcome { }

        /** The {@code Idempotency-Key} was used for another request; nothing was stored. */
        record KeyReused() implements Outcome { }
    }
}
