package kz.senim.cases;


/** Who did something to a case. The reporter appears only as "the reporter", never with anything that identifies. */
public sealed interface Actor {

    String describe();

    record Person(String personId, String organisationId, String role) implements Actor {
        @Override
        public String describe() {
            return personId + " (" + role + ", " + organisationId + ")";
        }
    }

    /** Whoever held an organisation's signed acknowledgement link. */
    record LinkHolder(String organisationId) implements Actor {
        @Override
        public String describe() {
            return "acknowledgement link of " + organisationId;
        }
    }

    record Reporter() implements Actor {
        @Override
        public String describe() {
            return "the reporter";
        }
    }

    record System(String component) implements Actor {
        @Override
        public String describe() {
            return "Senim " + component;
        }
    }
}
