package kz.senim.handling;

import kz.senim.cases.CaseFile;

/** What a requested change of a case (assignment, start of work, closing, reopening) came to. */
public sealed interface CaseChangeOutcome {

    /** Stored, with its audit line; {@code file} is the new state. */
    record Changed(CaseFile file) implements CaseChangeOutcome { }

    /** Already so (e.g. assigned to the same person): nothing written, {@code file} is the current state. */
    record Unchanged(CaseFile file) implements CaseChangeOutcome { }

    /** Unknown reference, or a case outside the caller's scope: deliberately the same answer. */
    record NotFound() implements CaseChangeOutcome { }

    /** The case was changed since the caller read it ({@code If-Match} is stale, or a concurrent writer won). */
    record VersionConflict() implements CaseChangeOutcome { }

    /**
     * The case's status does not allow it; {@code code} is {@code case_closed}, {@code case_not_acknowledged},
     * {@code case_not_closed} or {@code referrals_open}.
     */
    record Illegal(String code) implements CaseChangeOutcome { }

    /** The request names something the change cannot use; {@code code} is e.g. {@code assignee_not_in_organisation}. */
    record Refused(String code) implements CaseChangeOutcome { }
}
