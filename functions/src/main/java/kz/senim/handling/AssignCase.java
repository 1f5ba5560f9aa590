package kz.senim.handling;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.people.People;
import kz.senim.people.PersonId;

/**
 * A coordinator names the person who works a case: a person of the coordinator's own organisation, as the people
 * directory knows them (anyone else is refused, {@code assignee_not_in_organisation}). Only over the version the
 * coordinator saw; audited.
 */
public final class AssignCase {

    public static final String AUDIT_ACTION = "case_assigned";
    public static final String NOT_IN_ORGANISATION = "assignee_not_in_organisation";

    private final CaseChanges changes;
    private final People people;

    public AssignCase(Cases cases, CaseAccess access, People people, Clock clock) {
        this.changes = new CaseChanges(cases, access, clock);
        this.people = people;
    }

    /** @throws kz.senim.access.Forbidden unless the caller coordinates */
    public CaseChangeOutcome assign(Caller caller, String reference, long expectedVersion, PersonId assignee) {
        CaseAccess.requireCoordinator(caller, "assign a case");
        return changes.apply(caller, reference, expectedVersion, (file, now) -> {
            CaseFile.Change change = file.assign(assignee.value(), now);
            if (!(change instanceof CaseFile.Change.Illegal)
                    && people.find(caller.organisationId(), assignee).isEmpty()) {
                return CaseChanges.Decision.refuse(NOT_IN_ORGANISATION);
            }
            Map<String, String> details = new HashMap<>();
            details.put("assignee", assignee.value());
            file.assignee().ifPresent(previous -> details.put("previousAssignee", previous));
            return new CaseChanges.Decision(change, AUDIT_ACTION, details);
        });
    }
}
