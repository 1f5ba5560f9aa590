package kz.senim.access;

import java.util.Objects;
import kz.senim.cases.Actor;

/**
 * A signed-in responder or coordinator, as the token's verified claims say: who ({@code sub}), for which
 * organisation, in which role.
 */
public record Caller(String personId, String organisationId, Role role) {

    public Caller {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(role, "role");
    }

    /** The caller as the audit trail and a case's conversation name them. */
    public Actor.Person actor() {
        return new Actor.Person(personId, organisationId, role.code());
    }
}
