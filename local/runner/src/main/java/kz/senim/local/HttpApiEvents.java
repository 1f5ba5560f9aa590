package kz.senim.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;

/**
 * Builds the event an API Gateway HTTP API (payload format 2.0) gives a Lambda integration, and turns the function's
 * answer back into an HTTP response, as API Gateway does. The caller's source IP and user agent are in the event,
 * as in AWS: the functions must ignore them (and the anonymity tests prove they do).
 */
final class HttpApiEvents {

    static final String ACCOUNT_ID = "000000000000";
    static final String API_ID = "senimlocal";
    static final String STAGE = "$default";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An HTTP request as it reached the gateway. Header names as received; a name may repeat. */
    record Request(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                   byte[] body, String sourceIp, int localPort) {

        Optional<String> header(String name) {
            List<String> values = headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).toList();
            return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
        }
    }

    /** An HTTP response to send: status, headers (a name may repeat), body bytes. */
    record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private HttpApiEvents() {
    }

    static String newRequestId() {
        byte[] id = new byte[11];
        RANDOM.nextBytes(id);
        return Base64.getEncoder().encodeToString(id);
    }

    static APIGatewayV2HTTPEvent toEvent(Request request, String routeKey, Map<String, String> pathParameters,
                                         String requestId, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
                continue;
            }
            headers.merge(name, header.getValue(), (first, next) -> first + "," + next);
        }
        // What API Gateway adds on the way in.
        headers.merge("x-forwarded-for", request.sourceIp(), (given, ip) -> given + ", " + ip);
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", Integer.toString(request.localPort()));
        headers.put("x-amzn-trace-id", traceId(now));
        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.indexOf(':')) : host;

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery() == null ? "" : request.rawQuery());
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(request.rawQuery()));
        event.setPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters));

        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol("HTTP/1.1");
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(request.header("User-Agent").orElse(""));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId(API_ID);
        context.setDomainName(domainName);
        context.setDomainPrefix(domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.'))
                : domainName);
        context.setHttp(http);
        context.setRequestId(requestId);
        context.setRouteKey(routeKey);
        context.setStage(STAGE);
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        event.setRequestContext(context);

        byte[] body = request.body();
        if (body != null && body.length > 0) {
            Optional<String> text = utf8(body);
            event.setBody(text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
            event.setIsBase64Encoded(text.isEmpty());
        } else {
            event.setIsBase64Encoded(false);
        }
        return event;
    }

    /** What the JWT authorizer adds to the event of a route it protects: the verified claims and scopes. */
    static void authorize(APIGatewayV2HTTPEvent event, LocalJwt.Verified verified) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT(verified.claims(), verified.scopes());
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        event.getRequestContext().setAuthorizer(authorizer);
    }

    /** The function's answer as API Gateway sends it on; a response without a status is the function's failure. */
    static Reply toReply(APIGatewayV2HTTPResponse response, String requestId) {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return message(500, "Internal Server Error", requestId);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.add(Map.entry(name, value)));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie)));
        }
        headers.add(Map.entry("apigw-requestid", requestId));
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new Reply(response.getStatusCode(), headers, bytes);
    }

    /**
     * The gateway's own refusal as a problem in the caller's language, chosen as the functions choose it ({@code lang},
     * else {@code Accept-Language}, else the default), with {@code extraHeaders} (e.g. {@code Retry-After}).
     */
    static Reply problem(Problem problem, Request request, String requestId, Instant now,
            List<Map.Entry<String, String>> extraHeaders) {
        Language language = new HttpRequest(toEvent(request, "$default", Map.of(), requestId, now)).language();
        Reply reply = toReply(HttpResponses.problem(problem, language), requestId);
        List<Map.Entry<String, String>> headers = new ArrayList<>(reply.headers());
        headers.addAll(extraHeaders);
        return new Reply(reply.status(), List.copyOf(headers), reply.body());
    }

    /** API Gateway's own answers ({@code {"message":"Not Found"}} and the like). */
    static Reply message(int status, String message, String requestId) {
        String json = "{\"message\":\"" + message + "\"}";
        return new Reply(status, List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("apigw-requestid", requestId)), json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String decodeQuery(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }

    private static String traceId(Instant now) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }
}
