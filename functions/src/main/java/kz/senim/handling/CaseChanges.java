package kz.senim.handling;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;

/**
 * The steps every change of a case takes: find it within the caller's scope (and refuse a provider who only serves a
 * referral of it), decide the change on the current state, refuse it if the caller saw an older version, store it
 * together with its audit line.
 */
final class CaseChanges {

    private final Cases cases;
    private final CaseAccess access;
    private final Clock clock;

    CaseChanges(Cases cases, CaseAccess access, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    /**
     * What a use case decides on the current file: the change, and how to audit it if it is stored; or a refusal of
     * what the request names ({@code refusal}, a code answered {@code 422}), with no change.
     */
    record Decision(CaseFile.Change change, String action, Map<String, String> details, Optional<String> refusal) {
        Decision {
            details = Map.copyOf(details);
        }

        Decision(CaseFile.Change change, String action, Map<String, String> details) {
            this(change, action, details, Optional.empty());
        }

        static Decision refuse(String code) {
            return new Decision(new CaseFile.Change.Unchanged(), "", Map.of(), Optional.of(code));
        }
    }

    @FunctionalInterface
    interface Decide {
        /** May refuse the caller ({@link kz.senim.access.Forbidden}) or the input ({@link kz.senim.cases.InvalidInput}). */
        Decision on(CaseFile current, Instant now);
    }

    CaseChangeOutcome apply(Caller caller, String referenceText, long expectedVersion, Decide decide) {
        Optional<CaseFile> found = access.visible(caller, Reference.parse(referenceText).flatMap(cases::find));
        if (found.isEmpty()) {
            return new CaseChangeOutcome.NotFound();
        }
        CaseFile current = found.get();
        access.requireCasework(caller, current, "change a case it only provides a service for");
        Instant now = clock.instant();
        Decision decision = decide.on(current, now);
        if (current.version() != expectedVersion) {
            return new CaseChangeOutcome.VersionConflict();
        }
        if (decision.refusal().isPresent()) {
            return new CaseChangeOutcome.Refused(decision.refusal().get());
        }
        return switch (decision.change()) {
            case CaseFile.Change.Unchanged unchanged -> new CaseChangeOutcome.Unchanged(current);
            case CaseFile.Change.Illegal illegal -> new CaseChangeOutcome.Illegal(illegal.code());
            case CaseFile.Change.Changed changed -> {
                AuditEntry entry = new AuditEntry(current.reference(), now, caller.actor(),
                        decision.action(), withStatuses(decision.details(), current, changed.file()));
                yield switch (cases.save(changed.file(), entry)) {
                    case Cases.SaveOutcome.Saved saved -> new CaseChangeOutcome.Changed(changed.file());
                    case Cases.SaveOutcome.VersionConflict conflict -> new CaseChangeOutcome.VersionConflict();
                };
            }
        };
    }

    private static Map<String, String> withStatuses(Map<String, String> details, CaseFile before, CaseFile after) {
        Map<String, String> all = new HashMap<>(details);
        all.put("from", before.status().code());
        all.put("to", after.status().code());
        all.put("version", Long.toString(after.version()));
        return all;
    }
}
