package kz.senim.handling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseReferrals;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.InvalidInput;

/**
 * Moves a case on: anyone in scope starts work on an acknowledged case; coordinators close it with an outcome (not
 * while a referral is open) and reopen a closed one with a reason. Only over the version the caller saw; audited.
 */
public final class ChangeCaseStatus {

    public static final String STARTED = "case_work_started";
    public static final String CLOSED = "case_closed";
    public static final String REOPENED = "case_reopened";

    private final CaseChanges changes;
    private final CaseReferrals referrals;

    public ChangeCaseStatus(Cases cases, CaseReferrals referrals, CaseAccess access, Clock clock) {
        this.changes = new CaseChanges(cases, access, clock);
        this.referrals = referrals;
    }

    /**
     * @throws kz.senim.access.Forbidden  when a responder closes or reopens
     * @throws InvalidInput               when a closed case is reopened without a reason
     */
    public CaseChangeOutcome change(Caller caller, String reference, long expectedVersion, CaseTransition transition) {
        if (transition.to() == CaseTransition.Target.CLOSED) {
            CaseAccess.requireCoordinator(caller, "close a case");
        }
        return changes.apply(caller, reference, expectedVersion, (file, now) -> switch (transition.to()) {
            case IN_PROGRESS -> file.status() == CaseStatus.CLOSED
                    ? reopen(caller, file, transition, now)
                    : new CaseChanges.Decision(file.startWork(now), STARTED, Map.of());
            case CLOSED -> close(file, transition, now);
        });
    }

    private CaseChanges.Decision close(CaseFile file, CaseTransition transition, Instant now) {
        ClosingOutcome outcome = transition.outcome().orElseThrow();
        boolean mayClose = file.status() == CaseStatus.ACKNOWLEDGED || file.status() == CaseStatus.IN_PROGRESS;
        boolean openReferrals = mayClose && referrals.openCount(file.reference()) > 0;
        return new CaseChanges.Decision(file.close(outcome, openReferrals, now), CLOSED,
                Map.of("outcome", outcome.code()));
    }

    /** The reason is kept on the case, not in the audit trail: it is free text and may name people. */
    private static CaseChanges.Decision reopen(Caller caller, CaseFile file, CaseTransition transition, Instant now) {
        CaseAccess.requireCoordinator(caller, "reopen a case");
        String reason = transition.reason()
                .orElseThrow(() -> new InvalidInput("reason", InvalidInput.Violation.MISSING));
        return new CaseChanges.Decision(file.reopen(reason, now), REOPENED, Map.of());
    }
}
