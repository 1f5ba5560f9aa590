package kz.senim.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.access.Role;
import kz.senim.cases.InvalidInput;
import kz.senim.people.PersonId;

/**
 * The people who sign in locally ({@value #RESOURCE}): what the Cognito user pool holds in AWS, where administrators
 * create each account with its organisation and role. The runner issues ID tokens for them.
 */
final class People {

    static final String RESOURCE = "/kz/senim/local/people.json";

    /** A person who signs in: the token's {@code sub}, {@code custom:organisationId} and {@code custom:role}. */
    record Person(String id, String name, String organisationId, Role role) {
    }

    private final Map<String, Person> byId;

    private People(Map<String, Person> byId) {
        this.byId = byId;
    }

    /** The seeded people; a malformed file fails the runner's start. */
    static People load() {
        try (InputStream in = People.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static People parse(JsonNode root) {
        Map<String, Person> byId = new LinkedHashMap<>();
        for (JsonNode node : root.path("people")) {
            String id = node.path("id").asText("");
            try {
                new PersonId(id); // an assignee is named by this id
            } catch (InvalidInput notAnId) {
                throw new IllegalStateException(RESOURCE + ": '" + id + "' is not a person id ([A-Za-z0-9._@-])");
            }
            Role role = Role.fromCode(node.path("role").asText())
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": " + id + " has no known role"));
            String organisation = node.path("organisationId").asText("");
            if (organisation.isBlank()) {
                throw new IllegalStateException(RESOURCE + ": " + id + " has no organisationId");
            }
            if (byId.put(id, new Person(id, node.path("name").asText(id), organisation, role)) != null) {
                throw new IllegalStateException(RESOURCE + ": " + id + " appears twice");
            }
        }
        return new People(byId);
    }

    List<Person> all() {
        return List.copyOf(byId.values());
    }

    Optional<Person> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalStateException naming the first person whose organisation is not in the directory */
    People requireOrganisations(Set<String> directory) {
        List<String> strangers = new ArrayList<>();
        byId.values().stream().filter(p -> !directory.contains(p.organisationId()))
                .forEach(p -> strangers.add(p.id() + " (" + p.organisationId() + ")"));
        if (!strangers.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": organisations not in the directory: " + strangers);
        }
        return this;
    }
}
