package kz.senim.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code HttpApi} event of a function, e.g. {@code GET /v1/reports/{reference}}, matched as API Gateway HTTP APIs
 * match routes: method (or {@code ANY}) and path, {@code {name}} for one segment, {@code {name+}} for the rest.
 *
 * @param authorizer the authorizer protecting the route, empty when anyone may call it
 * @param throttle the route's throttle, empty when it has none (or throttles are off)
 */
record HttpRoute(String method, String path, Optional<String> authorizer, Optional<RouteThrottle> throttle,
                 LambdaFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {

    /** Most specific first: fewer greedy parameters, then more literal segments, then a method over ANY. */
    static final Comparator<HttpRoute> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((HttpRoute r) -> r.count(Kind.GREEDY))
            .thenComparing(Comparator.comparingInt((HttpRoute r) -> r.count(Kind.LITERAL)).reversed())
            .thenComparing(r -> "ANY".equals(r.method()));

    private enum Kind { LITERAL, PARAMETER, GREEDY }

    String routeKey() {
        return method + " " + path;
    }

    /** The path parameters if this route takes the request, else empty. */
    Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (!"ANY".equals(method) && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        return matchPath(rawPath);
    }

    /** The path parameters if the path is this route's, whatever the method, else empty. */
    Optional<Map<String, String>> matchPath(String rawPath) {
        List<String> template = segments(path);
        List<String> actual = segments(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            switch (kind(segment)) {
                case GREEDY -> {
                    if (i >= actual.size()) {
                        return Optional.empty();
                    }
                    List<String> rest = actual.subList(i, actual.size()).stream().map(HttpRoute::decode).toList();
                    parameters.put(segment.substring(1, segment.length() - 2), String.join("/", rest));
                    return Optional.of(parameters);
                }
                case PARAMETER -> {
                    if (i >= actual.size() || actual.get(i).isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.substring(1, segment.length() - 1), decode(actual.get(i)));
                }
                case LITERAL -> {
                    if (i >= actual.size() || !segment.equals(decode(actual.get(i)))) {
                        return Optional.empty();
                    }
                }
            }
        }
        return template.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    private int count(Kind wanted) {
        return (int) segments(path).stream().filter(s -> kind(s) == wanted).count();
    }

    private static Kind kind(String segment) {
        if (segment.startsWith("{") && segment.endsWith("+}")) {
            return Kind.GREEDY;
        }
        return segment.startsWith("{") && segment.endsWith("}") ? Kind.PARAMETER : Kind.LITERAL;
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return List.of(trimmed.split("/", -1));
    }

    /** Percent-decoding of a path segment ('+' is a plus sign in a path). */
    static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
