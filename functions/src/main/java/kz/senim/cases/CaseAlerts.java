package kz.senim.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The alerts a case raised (and the escalation pages that followed), as the people working the case see them. */
public interface CaseAlerts {

    /** Every alert and page of the case, in the order they were raised. */
    List<AlertLine> of(Reference reference);

    /**
     * One alert of a case: which organisation it went to and whether anyone there acknowledged it.
     *
     * @param status         {@code pending}, {@code acknowledged}, or {@code page} for an escalation page
     * @param escalationStep 0 for the alert itself, n for the n-th escalation page
     */
    record AlertLine(String alertId, String organisationId, String status, int escalationStep, Instant createdAt,
            Optional<Instant> acknowledgedAt) {

        public AlertLine {
            Objects.requireNonNull(alertId, "alertId");
            Objects.requireNonNull(organisationId, "organisationId");
            Objects.requireNonNull(status, "status");
        }
    }
}
