package kz.senim.erasure;

import java.time.Instant;
import java.util.List;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Reference;

/**
 * Erasing what people typed about a case, where the case is kept. An erasure is committed in one step (the report
 * loses its texts and the receipt's hash, so nobody can come back to it) and finished in others (the case's data keys
 * forgotten, the sealed texts of its other items removed), each safe to repeat; until it is finished the case is
 * listed as {@link #unfinished()}, so a run that stopped half-way is finished by the next.
 */
public interface CaseErasures {

    /** Closed cases whose last change was before {@code before}, oldest first. */
    List<DueCase> closedBefore(Instant before);

    /** Cases never closed (nor withdrawn) whose last change was before {@code before}, oldest first. */
    List<DueCase> openBefore(Instant before);

    /** Cases whose erasure was committed but not finished. */
    List<Reference> unfinished();

    /**
     * In one transaction, only if the case is still at the version it was read at: the report item loses narrative,
     * locality, reason and the receipt's hash, records when and why, becomes {@code withdrawn_by_reporter} for a
     * withdrawal, and is listed as unfinished; with the audit entry.
     */
    Outcome commit(Commit commit);

    /**
     * In one transaction, only if the case is still at the version it was read at: the notices go to the outbox, the
     * warning is recorded on the case (when, and when the erasure is due) with its audit entry.
     */
    Outcome warn(Warning warning);

    /** The case's alerts nobody has acknowledged (pages and notices are not alerts to acknowledge). */
    List<Alert> pendingAlerts(Reference reference);

    /**
     * Acknowledges {@code alert} for its organisation, by the actor of {@code entry} (the withdrawing reporter), if it
     * is still pending, so escalation stops, with its audit entry; false when it was not pending any more (nothing
     * written).
     */
    boolean acknowledge(Alert alert, Instant at, AuditEntry entry);

    /** Puts each notice in the outbox once; a notice already there is left as it is. */
    void notify(List<Alert> notices);

    /** Removes sealed texts and hashes of typed text from every item of the case but its report. */
    void stripContent(Reference reference);

    /** The erasure is finished: the case is listed no more (until it changes again). */
    void finished(Reference reference);

    /** @param file the case as it was read; the erasure is stored only over its version */
    record Commit(CaseFile file, ErasureReason reason, Instant at, AuditEntry entry) {
    }

    /** @param dueAt when the content will be erased, unless the case changes before */
    record Warning(DueCase dueCase, Instant dueAt, List<Alert> notices, Instant at, AuditEntry entry) {
        public Warning {
            notices = List.copyOf(notices);
        }
    }

    sealed interface Outcome {
        record Stored() implements Outcome { }

        /** The case changed since it was read; nothing was written. */
        record CaseChanged() implements Outcome { }
    }
}
