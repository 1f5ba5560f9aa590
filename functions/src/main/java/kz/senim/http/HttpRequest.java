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
    public static final String CONTENT_TYPE = "Content-Type";
    /** Longer {@code Accept-Language} values are ignored (no browser sends one); the contract states the bound. */
    static final int MAX_ACCEPT_LANGUAGE = 256;
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

    /** The language to answer in: {@code lang} if Senim serves it, else {@code Accept-Language}, else the default. */
    public Language language() {
        return query("lang").flatMap(Language::fromCode).or(this::acceptLanguage).orElse(Language.DEFAULT);
    }

    public Optional<Language> acceptLanguage() {
        return header("Accept-Language").filter(value -> value.length() <= MAX_ACCEPT_LANGUAGE)
                .flatMap(Language::fromAcceptLanguage);
    }

    /**
     * A request that carries a body must say it is JSON ({@link #requireJson}); one without a body passes, and so
     * does a {@code GET}, whose body nobody reads.
     */
    public void refuseNonJsonBody() {
        boolean read = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(http -> !"GET".equalsIgnoreCase(http.getMethod()) && !"HEAD".equalsIgnoreCase(http.getMethod()))
                .orElse(true);
        if (read && event.getBody() != null && !event.getBody().isEmpty()) {
            requireJson();
        }
    }

    /**
     * Refuses with {@code 415} a request whose {@code Content-Type} is not JSON: {@code application/json}, with
     * {@code charset=utf-8} or no parameter, in any case. Missing counts as not JSON.
     */
    public void requireJson() {
        if (!header(CONTENT_TYPE).map(HttpRequest::isJson).orElse(false)) {
            throw new BadRequest(Problem.unsupportedMediaType());
        }
    }

    /**
     * The JSON body as text: sent as JSON ({@code 415} otherwise, see {@link #requireJson}), at most
     * {@code maxBytes} ({@code 413}), and valid UTF-8 ({@code 400}).
     */
    public String body(int maxBytes) {
        requireJson();
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw new BadRequest(Problem.badRequest("invalid_json", "problem.invalid_json", "body"));
        }
        byte[] bytes = event.getIsBase64Encoded() ? decodeBase64(body) : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new BadRequest(Problem.bodyTooLarge(maxBytes));
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

    /** {@code application/json}, optionally with {@code charset=utf-8} (quoted or not); nothing else. */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                return false;
            }
            String value = parameter.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!parameter.substring(0, equals).strip().equalsIgnoreCase("charset")
                    || !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
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
