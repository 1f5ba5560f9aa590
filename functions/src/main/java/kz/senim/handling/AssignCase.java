package kz.senim.handling;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.cases.Cases;

/** A coordinator names the person who works a case. Only over the version the coordinator saw; audited. */
public final class AssignCase {

    public static final String AUDIT_ACTION = "case_assigned";

    private final CaseChanges changes;

    public AssignCase(Cases cases, CaseAccess access, Clock clock) {
        this.changes = new CaseChanges(cases, access, clock);
    }

    /** @throws kz.senim.access.Forbidden unless the caller coordinates */
    public CaseChangeOutcome assign(Caller caller, String reference, long expectedVersion, PersonId assignee) {
        CaseAccess.requireCoordinator(caller, "assign a case");
        return changes.apply(caller, reference, expectedVersion, (file, now) -> {
            Map<String, String> details = new HashMap<>();
            details.put("assignee", assignee.value());
            file.assignee().ifPresent(previous -> details.put("previousAssignee", previous));
            return new CaseChanges.Decision(file.assign(assignee.value(), now), AUDIT_ACTION, details);
        });
    }
}
