package kz.senim.people;

import java.util.Objects;
import kz.senim.access.Role;
import kz.senim.cases.Text;

/**
 * A person who signs in, as the people directory last recorded them: their id (the token's {@code sub}), their
 * organisation and role as administrators set them, and the name colleagues know them by. Nothing else about them is
 * kept (no e-mail, no phone).
 */
public record Person(PersonId id, String organisationId, Role role, String name) {

    public static final int MAX_NAME = 128;

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(role, "role");
        name = Text.required("name", name, MAX_NAME);
    }

    public String personId() {
        return id.value();
    }
}
