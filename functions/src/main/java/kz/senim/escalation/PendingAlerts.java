package kz.senim.escalation;

import java.util.List;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;

/** Organisations' alerts nobody has acknowledged, and the steps of their escalation. */
public interface PendingAlerts {

    /**
     * Alerts still pending, oldest first. Read from an index that may lag a moment behind: an alert listed here may
     * have been acknowledged or escalated meanwhile, which {@link #escalate} and {@link #stop} find out.
     */
    List<PendingAlert> pending();

    /**
     * As {@link #pending()}, with the pending alert items that do not parse listed apart (by the id their index key
     * holds), so that one broken item never stops the escalation of every other alert.
     */
    default Listing listing() {
        return new Listing(pending(), List.of());
    }

    /** The pending alerts, and the items that could not be read as one. */
    record Listing(List<PendingAlert> readable, List<Unreadable> unreadable) {
        public Listing {
            readable = List.copyOf(readable);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** A pending alert item that does not parse; {@code cause} is the class of what went wrong, never a value. */
    record Unreadable(String alertId, String cause) {
    }

    /**
     * In one transaction, only if the alert is still pending at the step it was read at: moves it to the next step
     * (and out of the pending alerts when that was the last), stores the page (if any), the case with the paged
     * organisation involved, and the audit entry.
     */
    EscalationOutcome escalate(Escalation escalation);

    /** Takes the alert out of the pending alerts (nothing more to escalate), unless it moved on meanwhile. */
    void stop(PendingAlert alert);

    /**
     * @param page the page to the step's target; empty when the target already holds this case's page of that step
     *             (another alert of the case escalated to it at the same step)
     * @param last whether this was the policy's last step
     */
    record Escalation(PendingAlert alert, Optional<Alert> page, boolean last, CaseFile changedCase,
            AuditEntry entry) {

        public int nextStep() {
            return alert.escalationStep() + 1;
        }
    }

    sealed interface EscalationOutcome {
        record Escalated() implements EscalationOutcome { }

        /** The alert was acknowledged, or this step was taken by another escalator; nothing was written. */
        record StepTaken() implements EscalationOutcome { }

        /** The target already holds a page of this case for this step; nothing was written. */
        record PageTaken() implements EscalationOutcome { }

        /** Someone changed the case in the meantime; nothing was written. */
        record CaseChanged() implements EscalationOutcome { }
    }
}
