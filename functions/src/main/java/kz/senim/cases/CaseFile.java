package kz.senim.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A case as responders work it: the report, where it stands, who took it and who is assigned, which organisations
 * are involved (alerted, escalated to, referred to), and its {@code version} for optimistic locking. Every change
 * returns a new file with the version moved on; stores accept it only over the version it was made from.
 *
 * <p>received → acknowledged → in_progress → closed; a closed case can be reopened (to in_progress) with a reason.
 * Whatever it stands at, its reporter may withdraw it: {@code withdrawn_by_reporter}, for good.
 *
 * <p>{@code openReferrals} (by referral id) are the referrals not closed yet. A new referral moves the version on like
 * any change of the case; the provider's later steps change the entry only, never the version, so that a provider
 * accepting a referral does not make a coordinator's {@code If-Match} stale.
 */
public record CaseFile(
        Reference reference,
        ReportSubmission submission,
        Severity severity,
        CaseStatus status,
        long version,
        Optional<String> takenBy,
        Optional<String> assignee,
        Set<String> involvedOrganisations,
        Optional<ClosingOutcome> outcome,
        Optional<CaseText> statusReason,
        Instant submittedAt,
        Instant updatedAt,
        Map<String, OpenReferral> openReferrals) {

    /** Why a change of a withdrawn case is refused. */
    public static final String WITHDRAWN = "case_withdrawn";

    public CaseFile {
        involvedOrganisations = Set.copyOf(involvedOrganisations);
        openReferrals = Map.copyOf(openReferrals);
    }

    /** A case without open referrals. */
    public CaseFile(Reference reference, ReportSubmission submission, Severity severity, CaseStatus status,
            long version, Optional<String> takenBy, Optional<String> assignee, Set<String> involvedOrganisations,
            Optional<ClosingOutcome> outcome, Optional<CaseText> statusReason, Instant submittedAt, Instant updatedAt) {
        this(reference, submission, severity, status, version, takenBy, assignee, involvedOrganisations, outcome,
                statusReason, submittedAt, updatedAt, Map.of());
    }

    public RegionCode region() {
        return submission.region();
    }

    /** The first acknowledgement takes the case for the acknowledging organisation; later ones change nothing. */
    public Change acknowledgedBy(String organisationId, Instant at) {
        if (status != CaseStatus.RECEIVED) {
            return new Change.Unchanged();
        }
        return new Change.Changed(next(CaseStatus.ACKNOWLEDGED, Optional.of(organisationId), assignee, outcome,
                Optional.empty(), involvedOrganisations, at));
    }

    public Change startWork(Instant at) {
        return switch (status) {
            case ACKNOWLEDGED -> new Change.Changed(next(CaseStatus.IN_PROGRESS, takenBy, assignee, outcome,
                    Optional.empty(), involvedOrganisations, at));
            case IN_PROGRESS -> new Change.Unchanged();
            case RECEIVED -> new Change.Illegal("case_not_acknowledged");
            case CLOSED -> new Change.Illegal("case_closed");
            case WITHDRAWN_BY_REPORTER -> new Change.Illegal(WITHDRAWN);
        };
    }

    /** Closing needs an outcome and every referral closed first. */
    public Change close(ClosingOutcome closing, boolean openReferrals, Instant at) {
        if (status == CaseStatus.WITHDRAWN_BY_REPORTER) {
            return new Change.Illegal(WITHDRAWN);
        }
        if (status == CaseStatus.CLOSED) {
            return new Change.Illegal("case_closed");
        }
        if (status == CaseStatus.RECEIVED) {
            return new Change.Illegal("case_not_acknowledged");
        }
        if (openReferrals) {
            return new Change.Illegal("referrals_open");
        }
        return new Change.Changed(next(CaseStatus.CLOSED, takenBy, assignee, Optional.of(closing), Optional.empty(),
                involvedOrganisations, at));
    }

    public Change reopen(String reason, Instant at) {
        if (status == CaseStatus.WITHDRAWN_BY_REPORTER) {
            return new Change.Illegal(WITHDRAWN);
        }
        if (status != CaseStatus.CLOSED) {
            return new Change.Illegal("case_not_closed");
        }
        return new Change.Changed(next(CaseStatus.IN_PROGRESS, takenBy, assignee, Optional.empty(),
                Optional.of(CaseText.plain(reason)), involvedOrganisations, at));
    }

    public Change assign(String personId, Instant at) {
        if (status == CaseStatus.WITHDRAWN_BY_REPORTER) {
            return new Change.Illegal(WITHDRAWN);
        }
        if (status == CaseStatus.CLOSED) {
            return new Change.Illegal("case_closed");
        }
        if (assignee.filter(personId::equals).isPresent()) {
            return new Change.Unchanged();
        }
        return new Change.Changed(next(status, takenBy, Optional.of(personId), outcome, statusReason,
                involvedOrganisations, at));
    }

    /** An organisation joins the case (escalation target): its people may open it for good. */
    public CaseFile involving(String organisationId, Instant at) {
        Set<String> involved = new HashSet<>(involvedOrganisations);
        involved.add(organisationId);
        return next(status, takenBy, assignee, outcome, statusReason, involved, at);
    }

    /** A new referral: the case moves on to the next version with the referral open on it. */
    public CaseFile referred(OpenReferral referral, Instant at) {
        return next(status, takenBy, assignee, outcome, statusReason, involvedOrganisations, at)
                .withReferral(referral.referralId(), Optional.of(referral));
    }

    /** The same version with the entry of referral {@code referralId} replaced, or removed when it closed (empty). */
    public CaseFile withReferral(String referralId, Optional<OpenReferral> referral) {
        Map<String, OpenReferral> open = new HashMap<>(openReferrals);
        referral.ifPresentOrElse(r -> open.put(referralId, r), () -> open.remove(referralId));
        return new CaseFile(reference, submission, severity, status, version, takenBy, assignee,
                involvedOrganisations, outcome, statusReason, submittedAt, updatedAt, open);
    }

    /** How many of its referrals no coordinator has closed yet. */
    public int openReferralCount() {
        return openReferrals.size();
    }

    /** The earliest due date of the referrals still waiting for their provider (in progress or accepted). */
    public Optional<LocalDate> nextReferralDueDate() {
        return openReferrals.values().stream().filter(OpenReferral::awaitsService).map(OpenReferral::dueDate)
                .min(LocalDate::compareTo);
    }

    /** Whether {@code organisationId} holds one of the case's open referrals (in progress, accepted or done). */
    public boolean referralHeldBy(String organisationId) {
        return openReferrals.values().stream()
                .anyMatch(r -> r.providerId().equals(organisationId) && r.heldByProvider());
    }

    private CaseFile next(CaseStatus newStatus, Optional<String> newTakenBy, Optional<String> newAssignee,
            Optional<ClosingOutcome> newOutcome, Optional<CaseText> newReason, Set<String> involved, Instant at) {
        return new CaseFile(reference, submission, severity, newStatus, version + 1, newTakenBy, newAssignee,
                involved, newOutcome, newReason, submittedAt, at, openReferrals);
    }

    /** The same case with its texts (narrative, locality, reason) changed by {@code change}: opened, say. */
    public CaseFile withTexts(UnaryOperator<CaseText> change) {
        return new CaseFile(reference, submission.withTexts(change), severity, status, version, takenBy, assignee,
                involvedOrganisations, outcome, statusReason.map(change), submittedAt, updatedAt, openReferrals);
    }

    /** What a requested change came to. */
    public sealed interface Change {
        record Changed(CaseFile file) implements Change { }

        record Unchanged() implements Change { }

        /** Not allowed from the current status; {@code code} says why (e.g. {@code case_closed}). */
        record Illegal(String code) implements Change { }
    }

    @Override
    public String toString() {
        return "CaseFile[" + reference + ", " + status + ", v" + version + "]";
    }
}
