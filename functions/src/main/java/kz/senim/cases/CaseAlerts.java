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
            Optional<Instant> acknowledgedAt, Optional<Acknowledger> acknowledgedBy) {

        public AlertLine {
            Objects.requireNonNull(alertId, "alertId");
            Objects.requireNonNull(organisationId, "organisationId");
            Objects.requireNonNull(status, "status");
        }

        /** A line not (or not knowingly) acknowledged by anyone in particular. */
        public AlertLine(String alertId, String organisationId, String status, int escalationStep, Instant createdAt,
                Optional<Instant> acknowledgedAt) {
            this(alertId, organisationId, status, escalationStep, createdAt, acknowledgedAt, Optional.empty());
        }
    }

    /**
     * Who acknowledged an alert: a signed-in {@code person} (with their id), the holder of the alert's {@code link},
     * or Senim itself ({@code system}); always on behalf of {@code organisationId}.
     */
    record Acknowledger(String type, Optional<String> personId, String organisationId) {

        public Acknowledger {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(organisationId, "organisationId");
        }

        /** The acknowledger an audit actor stands for ({@code system} acknowledges for the alerted organisation). */
        public static Acknowledger of(Actor actor, String organisationId) {
            return switch (actor) {
                case Actor.Person person -> new Acknowledger("person", Optional.of(person.personId()),
                        person.organisationId());
                case Actor.LinkHolder link -> new Acknowledger("link", Optional.empty(), link.organisationId());
                case Actor.Reporter reporter -> throw new IllegalArgumentException("a reporter acknowledges nothing");
                case Actor.System system -> new Acknowledger("system", Optional.empty(), organisationId);
            };
        }
    }
}
