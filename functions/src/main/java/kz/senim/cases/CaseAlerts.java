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
     * @param acknowledgedBy who acknowledged it, when Senim knows
     * @param delivery       whether it reached the organisation's channel
     */
    record AlertLine(String alertId, String organisationId, String status, int escalationStep, Instant createdAt,
            Optional<Instant> acknowledgedAt, Optional<Acknowledger> acknowledgedBy, Delivery delivery) {

        public AlertLine {
            Objects.requireNonNull(alertId, "alertId");
            Objects.requireNonNull(organisationId, "organisationId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
            Objects.requireNonNull(delivery, "delivery");
        }

        /** A line not acknowledged by anyone in particular, not yet tried (what tests that care for neither set up). */
        public AlertLine(String alertId, String organisationId, String status, int escalationStep, Instant createdAt,
                Optional<Instant> acknowledgedAt) {
            this(alertId, organisationId, status, escalationStep, createdAt, acknowledgedAt, Optional.empty(),
                    Delivery.NOT_TRIED);
        }

        /** A line not acknowledged by anyone in particular. */
        public AlertLine(String alertId, String organisationId, String status, int escalationStep, Instant createdAt,
                Optional<Instant> acknowledgedAt, Delivery delivery) {
            this(alertId, organisationId, status, escalationStep, createdAt, acknowledgedAt, Optional.empty(),
                    delivery);
        }

        /** A line not yet tried. */
        public AlertLine(String alertId, String organisationId, String status, int escalationStep, Instant createdAt,
                Optional<Instant> acknowledgedAt, Optional<Acknowledger> acknowledgedBy) {
            this(alertId, organisationId, status, escalationStep, createdAt, acknowledgedAt, acknowledgedBy,
                    Delivery.NOT_TRIED);
        }
    }

    /**
     * Who acknowledged an alert: a signed-in {@code person} (with their id), the holder of the alert's {@code link},
     * Senim itself ({@code system}), or the {@code reporter} whose withdrawal of the report stopped the paging; always
     * on behalf of {@code organisationId}.
     */
    record Acknowledger(String type, Optional<String> personId, String organisationId) {

        public Acknowledger {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(organisationId, "organisationId");
        }

        /**
         * The acknowledger an audit actor stands for ({@code system} and the withdrawing {@code reporter} acknowledge
         * for the alerted organisation).
         */
        public static Acknowledger of(Actor actor, String organisationId) {
            return switch (actor) {
                case Actor.Person person -> new Acknowledger("person", Optional.of(person.personId()),
                        person.organisationId());
                case Actor.LinkHolder link -> new Acknowledger("link", Optional.empty(), link.organisationId());
                case Actor.Reporter reporter -> new Acknowledger("reporter", Optional.empty(), organisationId);
                case Actor.System system -> new Acknowledger("system", Optional.empty(), organisationId);
            };
        }
    }

    /**
     * Whether an alert reached its organisation's channel: {@code pending} (not yet, and the last try did not fail),
     * {@code published}, {@code failing} (the last try failed; the sweeper tries again) or {@code coalesced} (counted
     * in the digest page of its organisation's window, {@code digestAlertId}). {@code lastErrorClass} is an exception
     * class, never a message.
     */
    record Delivery(State state, int attempts, Optional<String> lastErrorClass, Optional<String> digestAlertId) {

        public static final Delivery NOT_TRIED = new Delivery(State.PENDING, 0, Optional.empty(), Optional.empty());

        public Delivery {
            Objects.requireNonNull(state, "state");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative");
            }
        }

        public enum State {
            PENDING("pending"), PUBLISHED("published"), FAILING("failing"), COALESCED("coalesced");

            private final String code;

            State(String code) {
                this.code = code;
            }

            public String code() {
                return code;
            }
        }
    }
}
