package kz.senim.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.senim.access.Caller;
import kz.senim.access.Role;
import kz.senim.i18n.Language;

/**
 * Read-only view of an API Gateway HTTP API (payload v2) request that offers only what handlers may use. The
 * caller's source IP and user agent are in the event, and deliberately not reachable from here.
 */
public final class HttpRequest {

    public static final String CLAIM_ORGANISATION = "custom:organisationId";
    public static final String CLAIM_ROLE = "custom:role";
    private static final String ALLOWED_LANGUAGES = Arrays.stream(Language.values()).map(Language::code)
            .collect(Collectors.joining(", "));

    private final APIGatewayV2HTTPEvent event;

    public HttpRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public Optional<String> header(String name) {
        return find(event.getHeaders(), name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name));
    }

    public Optional<String> path(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    /**
     * The signed-in caller, from the claims the API's JWT authorizer verified ({@code sub}, {@code
     * custom:organisationId}, {@code custom:role}); empty when there are none or they are incomplete.
     */
    public Optional<Caller> caller() {
        Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .orElse(Map.of());
        String person = claims.get("sub");
        String organisation = claims.get(CLAIM_ORGANISATION);
        Optional<Role> role = Optional.ofNullable(claims.get(CLAIM_ROLE)).flatMap(Role::fromCode);
        if (person == null || person.isBlank() || organisation == null || organisation.isBlank() || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(person, organisation, role.get()));
    }

    /** {@code lang}, when given; one Senim does not serve is refused naming it and the ones it does. */
    public Optional<Language> lang() {
        Optional<String> lang = query("lang");
        Optional<Language> requested = lang.flatMap(Language::fromCode);
        if (lang.isPresent() && requested.isEmpty()) {
            throw new BadRequest(Problem.invalidParameter("lang", ALLOWED_LANGUAGES));
        }
        return requested;
    }

    public Optional<Language> acceptLanguage() {
        return header("Accept-Language").flatMap(Language::fromAcceptLanguage);
    }

    /** The body as text: at most {@code maxBytes}, and valid UTF-8 or it is refused. */
    public String body(int maxBytes) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw new BadRequest(Problem.badRequest("invalid_json", "problem.invalid_json", "body"));
        }
        byte[] bytes = event.getIsBase64Encoded() ? decodeBase64(body) : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new BadRequest(Problem.badRequest("body_too_large", "problem.body_too_large", "body", maxBytes));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest(Problem.badRequest("invalid_encoding", "problem.invalid_encoding", "body"));
        }
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(Problem.badRequest("invalid_encoding", "problem.invalid_encoding", "body"));
        }
    }

    private static Optional<String> find(Map<String, String> map, String name) {
        if (map == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return map.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(lower))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
