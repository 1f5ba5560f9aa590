package kz.senim.alerting;

import java.time.Instant;
import java.util.List;
import kz.senim.cases.Alert;

/** Alerts and escalation pages not yet published (nor coalesced into a digest), from a sparse index. */
public interface UnpublishedAlerts {

    /**
     * Those created before {@code cutoff}, oldest first, at most {@code limit}. Read from an index that may lag a
     * moment behind: one listed here may have been published meanwhile, which its claim finds out.
     */
    List<Unpublished> createdBefore(Instant cutoff, int limit);

    sealed interface Unpublished {
        String alertId();

        Instant createdAt();

        record Readable(Alert alert) implements Unpublished {
            @Override
            public String alertId() {
                return alert.alertId();
            }

            @Override
            public Instant createdAt() {
                return alert.createdAt();
            }
        }

        /** An alert item that does not parse; {@code cause} is the class of what went wrong, never a value. */
        record Unreadable(String alertId, Instant createdAt, String cause) implements Unpublished { }
    }
}
