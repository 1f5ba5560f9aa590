package kz.senim.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's own endpoints under {@value #PREFIX}, which do not exist in AWS: the on-call inbox, the people who
 * sign in locally and ID tokens from the local issuer for them (what signing in to Cognito gives a responder), and
 * running a scheduled function now. They exist only while the runner listens on loopback, and answer only requests
 * addressed to this machine by name ({@code Host: localhost}, {@code 127.0.0.1} or {@code [::1]}): a web page whose
 * own name is made to point at 127.0.0.1 (DNS rebinding) reaches the port, but names its own host.
 */
final class LocalEndpoints {

    static final String PREFIX = "/local/";
    static final String ALERTS = "/local/alerts";
    static final String TOKENS = "/local/tokens";
    static final String PEOPLE = "/local/people";
    static final String SCHEDULES = "/local/schedules/";
    private static final String TOKEN_REQUEST = "the body must be {\"person\": \"<id>\"}, a person of GET "
            + PEOPLE + ": a token carries that person's organisation and role";
    private static final Logger LOG = LoggerFactory.getLogger(LocalEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final OnCallInbox inbox;
    private final LocalJwt jwt;
    private final People people;
    private final Map<String, ScheduledFunction> schedules;

    /**
     * @param inbox the alerts published, to the inbox or to SNS
     * @param jwt the local issuer, or null when no route needs a token
     */
    LocalEndpoints(OnCallInbox inbox, LocalJwt jwt, People people, Map<String, ScheduledFunction> schedules) {
        this.inbox = inbox;
        this.jwt = jwt;
        this.people = people;
        this.schedules = Map.copyOf(schedules);
    }

    /**
     * The answer, or empty when no local endpoint has this method and path.
     *
     * @param host the request's {@code Host} header (null if it had none)
     */
    Optional<HttpApiEvents.Reply> answer(String method, String rawPath, String rawQuery, String host, byte[] body,
                                         String requestId) {
        if (!addressedToThisMachine(host)) {
            LOG.warn("refused {} {}: addressed to another host", method, rawPath.replaceAll("[^A-Za-z0-9/._-]", "?"));
            return Optional.of(message(403, PREFIX + " answers requests to localhost, 127.0.0.1 or [::1] only",
                    requestId));
        }
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
     * {@code {"person": "<id>"}}, a seeded person, to a signed ID token with that person's organisation and role.
     * Nothing else: no token for an organisation or role the caller names.
     */
    private HttpApiEvents.Reply token(byte[] body, String requestId) {
        JsonNode request;
        try {
            request = STRICT_JSON.readTree(body);
        } catch (java.io.IOException e) {
            return message(400, TOKEN_REQUEST, requestId);
        }
        if (request == null || !request.isObject() || request.size() != 1 || !request.path("person").isTextual()) {
            return message(400, TOKEN_REQUEST, requestId);
        }
        String id = request.path("person").textValue();
        Optional<People.Person> person = people.find(id);
        if (person.isEmpty()) {
            return message(404, "no person " + id.replaceAll("[^A-Za-z0-9._@-]", "?") + " is seeded; people: "
                    + String.join(", ", people.all().stream().map(People.Person::id).toList()), requestId);
        }
        LOG.info("local ID token issued: person={}", person.get().id());
        return issued(jwt.idToken(person.get()), person.get(), requestId);
    }

    private static HttpApiEvents.Reply issued(String idToken, People.Person person, String requestId) {
        ObjectNode answer = JSON.createObjectNode()
                .put("idToken", idToken)
                .put("tokenType", "Bearer")
                .put("expiresIn", LocalJwt.VALIDITY.toSeconds());
        answer.putObject("claims")
                .put("sub", person.id())
                .put(LocalJwt.CLAIM_ORGANISATION, person.organisationId())
                .put(LocalJwt.CLAIM_ROLE, person.role().code());
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

    /** {@code localhost}, {@code 127.0.0.1} or {@code [::1]} (or another loopback address), with or without a port. */
    private static boolean addressedToThisMachine(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip();
        if (name.startsWith("[")) { // [IPv6] or [IPv6]:port
            int end = name.indexOf(']');
            return end > 0 && (end == name.length() - 1 || name.charAt(end + 1) == ':')
                    && Options.loopback(name.substring(0, end + 1));
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            if (name.indexOf(':', colon + 1) >= 0) {
                return false; // an IPv6 address without brackets is no Host
            }
            name = name.substring(0, colon);
        }
        return Options.loopback(name);
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
