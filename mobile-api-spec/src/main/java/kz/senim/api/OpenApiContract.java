package kz.senim.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mobile API contract ({@code kz/senim/api/openapi.yaml}) as a checker of recorded HTTP interactions.
 *
 * <pre>{@code
 * OpenApiContract.load().assertConforms(OpenApiContract.Exchange.post("/v1/reports")
 *         .header("Idempotency-Key", key).body(json)
 *         .respond(201, responseHeaders, responseBody));
 * }</pre>
 *
 * <p>Both sides of the interaction are checked: the request against the operation's parameters and request body,
 * the response against the declared status codes, headers (e.g. the required {@code Cache-Control}), content types
 * and schemas. One exception: when the response status is {@code 400}, {@code 401}, {@code 413} or {@code 415}, the
 * request is expected to break the contract (that is why it was refused: bad input, no valid {@code Authorization}
 * bearer token, a body too large, or one that is not JSON), so only the response and the route are checked. Operations with {@code security: senimJwt} need an
 * {@code Authorization: Bearer …} header in the request; its token itself is not verified here. Header names are
 * matched without regard to case. Plain Java, no test framework: {@link #assertConforms} throws
 * {@link AssertionError}.
 */
public final class OpenApiContract {

    /** Where the spec is on the classpath (copied there from {@code mobile-api-spec/openapi.yaml}). */
    public static final String RESOURCE = "kz/senim/api/openapi.yaml";

    /** Keys of messages about a response header's value; the validator does not name the header in them. */
    private static final String HEADER_SCHEMA = "validation.response.header.schema.";

    /**
     * Statuses whose request is expected to break the contract: bad input, missing or invalid credentials, a body too
     * large or not JSON.
     */
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 413, 415);

    /** Request findings that still count when the server refused the request: the route itself must exist. */
    private static final Set<String> ROUTE_KEYS = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    private final String specification;
    private final OpenApiInteractionValidator validator;
    private final Set<String> operations;

    private OpenApiContract(String specification) {
        this.specification = specification;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(specification).build();
        this.operations = readOperations(specification);
    }

    /** The contract read from the classpath resource {@value #RESOURCE}; read once and shared (it is immutable). */
    public static OpenApiContract load() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final OpenApiContract INSTANCE = new OpenApiContract(readResource());
    }

    /** The spec's text, as read from the classpath. */
    public String specification() {
        return specification;
    }

    /** Every operation of the spec as {@code "METHOD /path/template"}, e.g. {@code "GET /v1/reports/{reference}"}. */
    public Set<String> operations() {
        return operations;
    }

    /**
     * What in the exchange breaks the contract, one line per finding (empty when it conforms). Each line says where
     * the problem is (request or response; body, parameter or header), what it is, and ends with the validator's
     * message key in brackets, e.g. {@code request body /region: does not have a value in the enumeration [...]
     * [validation.request.body.schema.enum]}.
     */
    public List<String> violations(Exchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        Request request = toRequest(exchange);
        boolean refused = REFUSALS.contains(exchange.status());
        List<String> found = new ArrayList<>();

        boolean routeExists = true;
        for (ValidationReport.Message message : errors(validator.validateRequest(request))) {
            boolean routeProblem = ROUTE_KEYS.contains(message.getKey());
            routeExists &= !routeProblem;
            if (routeProblem || !refused) {
                found.add(describe("request", message));
            }
        }
        if (!refused && hasText(exchange.requestBody()) && !hasHeader(exchange.requestHeaders(), "Content-Type")) {
            found.add("request: has a body but no Content-Type header, so the body was not checked");
        }
        if (!routeExists) {
            return List.copyOf(found); // no operation, hence no responses to check against
        }

        Map<String, String> responseHeaders = caseInsensitive(exchange.responseHeaders());
        for (ValidationReport.Message message : responseErrors(exchange, request,
                response(exchange.status(), responseHeaders, exchange.responseBody()))) {
            if (!message.getKey().startsWith(HEADER_SCHEMA)) {
                found.add(describe("response", message));
            }
        }
        // The validator does not say which header a header-schema message is about: check each header on its own.
        responseHeaders.forEach((name, value) -> {
            for (ValidationReport.Message message : responseErrors(exchange, request,
                    response(exchange.status(), Map.of(name, value), null))) {
                if (message.getKey().startsWith(HEADER_SCHEMA)) {
                    found.add("response header " + name + ": " + oneLine(message.getMessage())
                            + " [" + message.getKey() + "]");
                }
            }
        });
        if (hasText(exchange.responseBody()) && !responseHeaders.containsKey("Content-Type")) {
            found.add("response: has a body but no Content-Type header, so the body was not checked");
        }
        return List.copyOf(found);
    }

    /** Throws an {@link AssertionError} listing every violation, unless the exchange conforms to the contract. */
    public void assertConforms(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("%s %s -> %d breaks the mobile API contract:\n  - %s".formatted(
                    exchange.method(), exchange.path(), exchange.status(), String.join("\n  - ", violations)));
        }
    }

    private List<ValidationReport.Message> responseErrors(Exchange exchange, Request request, SimpleResponse response) {
        return errors(validator.validateResponse(pathOnly(exchange.path()), request.getMethod(), response));
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
    }

    /** {@code "request body /region: <message> [<key>]"}, {@code "request parameter lang: ..."}, and so on. */
    private static String describe(String side, ValidationReport.Message message) {
        String key = message.getKey();
        StringBuilder where = new StringBuilder(side);
        if (key.contains(".body.")) {
            where.append(" body");
            message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance)
                    .filter(pointer -> !pointer.isEmpty())
                    .ifPresent(pointer -> where.append(' ').append(pointer));
        } else if (key.contains(".parameter.")) {
            message.getContext().flatMap(ValidationReport.MessageContext::getParameter).ifPresent(parameter ->
                    where.append(' ').append(parameter.getIn()).append(' ').append(parameter.getName()));
        }
        return where + ": " + oneLine(message.getMessage()) + " [" + key + "]";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static SimpleResponse response(int status, Map<String, String> headers, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        headers.forEach(builder::withHeader);
        if (hasText(body)) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static Request toRequest(Exchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), pathOnly(exchange.path()));
        Map<String, String> query = new LinkedHashMap<>(queryOf(exchange.path()));
        query.putAll(exchange.query());
        query.forEach(builder::withQueryParam);
        caseInsensitive(exchange.requestHeaders()).forEach(builder::withHeader);
        if (hasText(exchange.requestBody())) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    /** Folds header names that differ only in case ({@code content-type}, {@code Content-Type}) into one. */
    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> folded.merge(name, value, (first, second) -> first + "," + second));
        return folded;
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static boolean hasText(String body) {
        return body != null && !body.isEmpty();
    }

    private static String pathOnly(String path) {
        int question = path.indexOf('?');
        return question < 0 ? path : path.substring(0, question);
    }

    private static Map<String, String> queryOf(String path) {
        int question = path.indexOf('?');
        if (question < 0) {
            return Map.of();
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : path.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(decode(name), decode(value));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Set<String> readOperations(String specification) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(specification, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + result.getMessages());
        }
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method.name() + " " + template)));
        return Collections.unmodifiableSet(operations);
    }

    private static String readResource() {
        ClassLoader loader = OpenApiContract.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * One HTTP interaction: the request as the client sent it and the response as the server gave it. The path may
     * carry a query string ({@code /v1/regions?lang=kk}); its parameters are added to {@code query}. A {@code null}
     * or empty body means no body. Maps are copied; header names are compared without regard to case.
     */
    public record Exchange(String method, String path, Map<String, String> query, Map<String, String> requestHeaders,
                           String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {

        public Exchange {
            method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            Objects.requireNonNull(path, "path");
            query = copy(query);
            requestHeaders = copy(requestHeaders);
            responseHeaders = copy(responseHeaders);
        }

        /** Starts an exchange with a request of any method. */
        public static Builder request(String method, String path) {
            return new Builder(method, path);
        }

        public static Builder get(String path) {
            return request("GET", path);
        }

        public static Builder post(String path) {
            return request("POST", path);
        }

        public static Builder put(String path) {
            return request("PUT", path);
        }

        private static Map<String, String> copy(Map<String, String> map) {
            return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }

        /** Builds an {@link Exchange}: first the request, then the response. */
        public static final class Builder {
            private final String method;
            private final String path;
            private final Map<String, String> query = new LinkedHashMap<>();
            private final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            private String requestBody;
            private int status;
            private final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            private String responseBody;

            private Builder(String method, String path) {
                this.method = method;
                this.path = path;
            }

            public Builder query(String name, String value) {
                query.put(name, value);
                return this;
            }

            public Builder header(String name, String value) {
                requestHeaders.put(name, value);
                return this;
            }

            public Builder headers(Map<String, String> headers) {
                if (headers != null) {
                    requestHeaders.putAll(headers);
                }
                return this;
            }

            /** The request body; also sets {@code Content-Type: application/json} unless a content type was given. */
            public Builder body(String json) {
                requestBody = json;
                requestHeaders.putIfAbsent("Content-Type", "application/json");
                return this;
            }

            public Builder status(int status) {
                this.status = status;
                return this;
            }

            public Builder responseHeader(String name, String value) {
                responseHeaders.put(name, value);
                return this;
            }

            public Builder responseHeaders(Map<String, String> headers) {
                if (headers != null) {
                    responseHeaders.putAll(headers);
                }
                return this;
            }

            public Builder responseBody(String body) {
                responseBody = body;
                return this;
            }

            /** The whole response at once, e.g. from an API Gateway response event; returns the finished exchange. */
            public Exchange respond(int status, Map<String, String> headers, String body) {
                return status(status).responseHeaders(headers).responseBody(body).build();
            }

            public Exchange build() {
                if (status < 100 || status > 599) {
                    throw new IllegalStateException("no response status set");
                }
                return new Exchange(method, path, query, requestHeaders, requestBody, status, responseHeaders,
                        responseBody);
            }
        }
    }
}
