package kz.senim.erasure;

import java.time.Instant;
import java.util.Optional;
import kz.senim.cases.CaseFile;

/**
 * A case the retention index lists: the case as it was read, when it last changed, and when the region's
 * coordinators were warned that its content would be erased, if they were.
 */
public record DueCase(CaseFile file, Instant lastChange, Optional<Instant> warnedAt) {

    /** Warned since its last change: a change after a warning makes it void. */
    public Optional<Instant> standingWarning() {
        return warnedAt.filter(warned -> warned.isAfter(lastChange));
    }
}
