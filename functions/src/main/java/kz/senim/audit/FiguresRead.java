package kz.senim.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import kz.senim.cases.Actor;

/**
 * A read of figures that concern no single case (the national overview): who read them, when, and which (ids and
 * counts of regions, never case content). Kept in the audit trail like the reads of cases.
 */
public record FiguresRead(Instant at, Actor.Person reader, String action, Map<String, String> details) {

    public FiguresRead {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(action, "action");
        details = Map.copyOf(details);
    }
}
