package kz.senim.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case's audit trail: who, what, when. {@code details} hold ids and states (a referral id, the status
 * before and after), never narrative or message text.
 */
public record AuditEntry(Reference reference, Instant at, Actor actor, String action, Map<String, String> details) {

    public AuditEntry {
        details = Map.copyOf(details);
    }

    public static AuditEntry of(Reference reference, Instant at, Actor actor, String action) {
        return new AuditEntry(reference, at, actor, action, Map.of());
    }
}
