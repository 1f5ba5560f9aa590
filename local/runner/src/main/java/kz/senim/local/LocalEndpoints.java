package kz.senim.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's own endpoints under {@value #PREFIX}, which do not exist in AWS: the on-call inbox, the people who
 * sign in locally and ID tokens from the local issuer for them (what signing in to Cognito gives a responder), and
 * running a scheduled function now.
 */
final class LocalEndpoints {

    static final String PREFIX = "/local/";
    static final String ALERTS = "/local/alerts";
    static final String TOKENS = "/local/tokens";
    static final String PEOPLE = "/local/people";
    static final String SCHEDULES = "/local/schedules/";
    private static final Set<String> TOKEN_FIELDS = Set.of("person", "sub", "organisationId", "role", "email");
    private static final Logger LOG = LoggerFactory.getLogger(LocalEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OnCallInbox inbox;
    private final LocalJwt jwt;
    private final People people;
    private final Set<String> organisations;
    private final Map<String, ScheduledFunction> schedules;

    /**
     * @param inbox the inbox, or null when alerts go to SNS
     * @param jwt the local issuer, or null when no route needs a token
     */
    LocalEndpoints(OnCallInbox inbox, LocalJwt jwt, People people, Set<String> organisations,
                   Map<String, ScheduledFunction> schedules) {
        this.inbox = inbox;
        this.jwt = jwt;
        this.people = people;
        this.organisations = Set.copyOf(organisations);
        this.schedules = Map.copyOf(schedules);
    }

    /** The answer, or empty when no local endpoint has this method and path. */
    Optional<HttpApiEvents.Reply> answer(String method, String rawPath, String rawQuery, byte[] body,
                                         String requestId) {
        if (inbox != null && rawPath.equals(ALERTS) && method.equals("GET")) {
            return Optional.of(json(200, inbox.toJson(query(rawQuery, "organisationId")), requestId));
        }
        if (jwt != null && rawPath.equals(TOKENS) && method.equals("POST")) {
            return Optional.of(token(body, requestId));
        }
        if (rawPath.equals(PEOPLE) && method.equals("GET")) {
            return Optional.of(json(200, people(), requestId));
        }
        if (rawPath.startsWith(SCHEDULES) && method.equals("POST")) {
            ScheduledFunction function = schedules.get(rawPath.substring(SCHEDULES.length()));
            if (function != null) {
                LOG.info("running {} on demand", function.logicalId());
                ObjectNode result = JSON.createObjectNode().put("function", function.logicalId());
                result.set("result", JSON.valueToTree(function.runNow()));
                return Optional.of(json(200, result, requestId));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code {"person": "<id>"}} (a seeded person), or {@code {"organisationId": "...", "role": "...", "sub"?: "...",
     * "email"?: "..."}} (anyone), to a signed ID token.
     */
    private HttpApiEvents.Reply token(byte[] body, String requestId) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return message(400, "the body must be JSON: {\"person\": \"<id>\"}", requestId);
        }
        if (request == null || !request.isObject()) {
            return message(400, "the body must be a JSON object: {\"person\": \"<id>\"}", requestId);
        }
        for (var names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOKEN_FIELDS.contains(name)) {
                return message(400, "unknown field " + name.replaceAll("[^A-Za-z0-9_-]", "?")
                        + "; allowed: " + String.join(", ", TOKEN_FIELDS), requestId);
            }
        }
        if (request.has("person")) {
            if (request.size() > 1) {
                return message(400, "person stands alone: organisation and role are the person's", requestId);
            }
            String id = request.path("person").asText("");
            Optional<People.Person> person = people.find(id);
            if (person.isEmpty()) {
                return message(404, "no person " + id.replaceAll("[^A-Za-z0-9._@-]", "?") + " is seeded; people: "
                        + String.join(", ", people.all().stream().map(People.Person::id).toList()), requestId);
            }
            LOG.info("local ID token issued: person={}", person.get().id());
            return issued(jwt.idToken(person.get()), person.get().id(), person.get().organisationId(),
                    person.get().role().code(), requestId);
        }
        String organisation = request.path("organisationId").asText("");
        String role = request.path("role").asText("");
        if (!organisations.contains(organisation)) {
            return message(400, "organisationId must be an organisation of the directory, e.g. kz-75-commission",
                    requestId);
        }
        if (Role.fromCode(role).isEmpty()) {
            return message(400, "role must be one of " + String.join(", ",
                    List.of(Role.values()).stream().map(Role::code).toList()), requestId);
        }
        String subject = request.hasNonNull("sub") ? request.path("sub").asText() : UUID.randomUUID().toString();
        Optional<String> email = Optional.ofNullable(request.path("email").textValue());
        LOG.info("local ID token issued: organisation={} role={}", organisation, role);
        return issued(jwt.idToken(subject, organisation, role, email), subject, organisation, role, requestId);
    }

    private static HttpApiEvents.Reply issued(String idToken, String subject, String organisation, String role,
                                              String requestId) {
        ObjectNode answer = JSON.createObjectNode()
                .put("idToken", idToken)
                .put("tokenType", "Bearer")
                .put("expiresIn", LocalJwt.VALIDITY.toSeconds());
        answer.putObject("claims")
                .put("sub", subject)
                .put(LocalJwt.CLAIM_ORGANISATION, organisation)
                .put(LocalJwt.CLAIM_ROLE, role);
        return json(200, answer, requestId);
    }

    /** {@code {"people": [{"id", "name", "organisationId", "role"}]}}. */
    private ObjectNode people() {
        ObjectNode body = JSON.createObjectNode();
        var list = body.putArray("people");
        for (People.Person person : people.all()) {
            list.addObject()
                    .put("id", person.id())
                    .put("name", person.name())
                    .put("organisationId", person.organisationId())
                    .put("role", person.role().code());
        }
        return body;
    }

    private static Optional<String> query(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static HttpApiEvents.Reply json(int status, JsonNode body, String requestId) {
        try {
            return new HttpApiEvents.Reply(status, List.of(
                    Map.entry("Content-Type", "application/json; charset=utf-8"),
                    Map.entry("Cache-Control", "no-store"),
                    Map.entry("apigw-requestid", requestId)), JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpApiEvents.Reply message(int status, String message, String requestId) {
        return json(status, JSON.createObjectNode().put("message", message), requestId);
    }
}
