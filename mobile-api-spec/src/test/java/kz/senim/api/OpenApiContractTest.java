package kz.senim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import kz.senim.api.OpenApiContract.Exchange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private static final String KEY = "3f1c9a2e-7b4d-4e8a-9c61-2d5f0e8b7a13";
    private static final String REPORT = """
            {"reporterRole":"victim","category":"forced_labour","region":"KZ-61","locality":"Sayram tumani",
             "immediateDanger":false,"policeConsent":false,"childInvolved":false,"foreignNational":true,
             "narrative":"Pasportimni olib qo‘yishdi, maosh berishmayapti.","language":"uz"}""";
    private static final String RECEIPT = """
            {"reference":"SN-7Q2K-9M4D-XW3P","receipt":"6XTB-R2MD-9KQ4-HN7C-3WZE","status":"received",
             "statusText":"Xabaringiz qabul qilindi.",
             "safety":{"language":"uz","message":"Hozir xavf ostida bo‘lsangiz, 112 raqamiga qo‘ng‘iroq qiling.",
               "contacts":[{"kind":"emergency","number":"112","label":"Yagona favqulodda xizmat raqami"},
                           {"kind":"police","number":"102","label":"Politsiya"}]}}""";
    private static final Map<String, String> CREATED = Map.of(
            "Content-Type", "application/json",
            "Cache-Control", "no-store",
            "Location", "/v1/reports/SN-7Q2K-9M4D-XW3P");
    private static final String MISSING_KEY_PROBLEM = """
            {"type":"urn:senim:problem:missing_field","title":"A required field is missing","status":400,
             "detail":"The Idempotency-Key header is required.","code":"missing_field","field":"Idempotency-Key"}""";
    private static final String CASE = """
            {"reference":"SN-N3TY-8HCE-Q1DX","status":"received","severity":"critical",
             "category":"sexual_exploitation","region":"KZ-71","reporterRole":"victim","immediateDanger":true,
             "policeConsent":true,"childInvolved":false,"foreignNational":false,"language":"kk",
             "submittedAt":"2026-11-23T21:47:19.650Z","updatedAt":"2026-11-23T21:47:19.650Z",
             "involvedOrganisations":["kz-71-commission","police-att-liaison"],"openReferrals":0,"version":1,
             "narrative":"Құжаттарымды алып қойды.","alerts":[],"referrals":[],"messages":[]}""";
    private static final String SUMMARY = """
            {"reference":"SN-N3TY-8HCE-Q1DX","status":"received","severity":"critical",
             "category":"sexual_exploitation","region":"KZ-71","reporterRole":"victim","immediateDanger":true,
             "policeConsent":true,"childInvolved":false,"foreignNational":false,"language":"kk",
             "submittedAt":"2026-11-23T21:47:19.650Z","updatedAt":"2026-11-23T22:01:02.003Z",
             "assignee":"7c1e9a52-4b3d-4f0e-9a61-2d5f0e8b7a13",
             "involvedOrganisations":["kz-71-commission","police-att-liaison"],"openReferrals":1,
             "nextReferralDueDate":"2026-11-30","version":2}""";
    private static final String UNAUTHORIZED = """
            {"type":"urn:senim:problem:unauthorized","title":"Sign-in required","status":401,
             "detail":"Sign in to use this service.","code":"unauthorized"}""";
    private static final Map<String, String> JSON = Map.of(
            "Content-Type", "application/json", "Cache-Control", "no-store");
    private static final Map<String, String> PROBLEM = Map.of(
            "Content-Type", "application/problem+json", "Cache-Control", "no-store");

    /** An ID token as the mobile app sends it; the contract checks its presence, the JWT authorizer its validity. */
    private static final String BEARER = "Bearer eyJraWQiOiJsb2NhbCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJwZXJzb24ifQ.c2ln";

    /** Routes of responders and coordinators; every other operation is anonymous. */
    private static final List<String> AUTHENTICATED = List.of(
            "GET /v1/cases", "GET /v1/cases/{reference}", "PUT /v1/cases/{reference}/assignee",
            "POST /v1/cases/{reference}/transitions", "GET /v1/cases/{reference}/audit",
            "POST /v1/cases/{reference}/messages", "POST /v1/alerts/{alertId}/acknowledgement",
            "POST /v1/cases/{reference}/referrals", "GET /v1/referrals", "POST /v1/referrals/{referralId}/status",
            "GET /v1/me", "GET /v1/people", "GET /v1/providers", "GET /v1/overview");
    private static final List<String> ANONYMOUS = List.of(
            "POST /v1/reports", "GET /v1/reports/{reference}", "GET /v1/regions",
            "GET /v1/reports/{reference}/messages", "POST /v1/reports/{reference}/messages",
            "DELETE /v1/reports/{reference}", "GET /v1/ack/{token}", "POST /v1/ack/{token}");
    /** The only route answered with HTML: the page behind an alert's acknowledgement link. */
    private static final String ACK_LINK = "/v1/ack/{token}";

    /** The spec with every $ref inlined, to walk its examples. */
    private static final OpenAPI SPEC = parse(true);

    private static OpenAPI parse(boolean resolveFully) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(CONTRACT.specification(), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        return result.getOpenAPI();
    }

    private static Exchange.Builder submit() {
        return Exchange.post("/v1/reports").header("Idempotency-Key", KEY).body(REPORT);
    }

    // (a) every example in the spec conforms to its schema

    @TestFactory
    Stream<DynamicTest> everyExampleInTheSpecConforms() {
        List<DynamicTest> tests = new ArrayList<>();
        SPEC.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + template;
            Map<String, Example> requestExamples = requestExamples(operation);
            String firstRequestBody = requestExamples.values().stream().findFirst()
                    .map(example -> json(example.getValue())).orElse(null);
            Function<Exchange.Builder, Exchange> answered = successResponseOf(operation);

            requestExamples.forEach((exampleName, example) -> {
                String test = name + " request example " + exampleName;
                Exchange exchange = answered.apply(request(method, template, operation, json(example.getValue())));
                tests.add(DynamicTest.dynamicTest(test,
                        () -> assertThat(CONTRACT.violations(exchange)).as(test).isEmpty()));
            });

            operation.getResponses().forEach((status, response) -> {
                assertThat(response.getContent()).as("%s %s has content", name, status).isNotEmpty();
                response.getContent().forEach((contentType, media) -> {
                    assertThat(media.getExamples()).as("%s %s has examples", name, status).isNotEmpty();
                    media.getExamples().forEach((exampleName, example) -> {
                        String test = name + " " + status + " example " + exampleName;
                        Exchange exchange = request(method, template, operation, firstRequestBody)
                                .status(Integer.parseInt(status))
                                .responseHeaders(headerExamples(response))
                                .responseHeader("Content-Type", contentType)
                                .responseBody(body(contentType, example.getValue()))
                                .build();
                        tests.add(DynamicTest.dynamicTest(test,
                                () -> assertThat(CONTRACT.violations(exchange)).as(test).isEmpty()));
                    });
                });
            });
        }));
        assertThat(tests).as("examples found in the spec").hasSizeGreaterThan(40);
        return tests.stream();
    }

    /** The request an example response answers: every parameter set to its example value. */
    private static Exchange.Builder request(PathItem.HttpMethod method, String template, Operation operation,
                                            String body) {
        String path = template;
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter parameter : parameters) {
            assertThat(parameter.getExample()).as("example of parameter %s", parameter.getName()).isNotNull();
            String value = text(parameter.getExample());
            switch (parameter.getIn()) {
                case "path" -> path = path.replace("{" + parameter.getName() + "}", value);
                case "query" -> query.put(parameter.getName(), value);
                case "header" -> headers.put(parameter.getName(), value);
                default -> throw new IllegalStateException("unexpected parameter in " + parameter.getIn());
            }
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            headers.put("Authorization", BEARER);
        }
        Exchange.Builder builder = Exchange.request(method.name(), path).headers(headers);
        query.forEach(builder::query);
        return body == null ? builder : builder.body(body);
    }

    /** The first example of the operation's 2xx response, to pair with each request example. */
    private static Function<Exchange.Builder, Exchange> successResponseOf(Operation operation) {
        Map.Entry<String, ApiResponse> success = operation.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).findFirst().orElseThrow();
        Map.Entry<String, MediaType> media = success.getValue().getContent().entrySet().iterator().next();
        Object body = media.getValue().getExamples().values().iterator().next().getValue();
        return request -> request.status(Integer.parseInt(success.getKey()))
                .responseHeaders(headerExamples(success.getValue()))
                .responseHeader("Content-Type", media.getKey())
                .responseBody(body(media.getKey(), body))
                .build();
    }

    /** An example as the server sends it: JSON serialised, an HTML page as it is. */
    private static String body(String contentType, Object example) {
        return contentType.startsWith("text/") ? text(example) : json(example);
    }

    private static Map<String, String> headerExamples(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, header) -> {
                assertThat(header.getExample()).as("example of response header %s", name).isNotNull();
                headers.put(name, text(header.getExample()));
            });
        }
        return headers;
    }

    private static Map<String, Example> requestExamples(Operation operation) {
        if (operation.getRequestBody() == null) {
            return Map.of();
        }
        MediaType media = operation.getRequestBody().getContent().get("application/json");
        assertThat(media.getExamples()).as("request examples").isNotEmpty();
        return media.getExamples();
    }

    private static String text(Object value) {
        return value instanceof JsonNode node ? node.asText() : String.valueOf(value);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // rules every response of the spec follows

    @Test
    void everyResponseIsNoStoreAndEveryProblemExampleIsConsistent() {
        SPEC.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.getResponses().forEach((status, response) -> {
                    String where = method + " " + template + " " + status;
                    Map<String, Header> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
                    Header cacheControl = headers.get("Cache-Control");
                    assertThat(cacheControl).as("%s Cache-Control", where).isNotNull();
                    assertThat(cacheControl.getRequired()).as("%s Cache-Control required", where).isTrue();
                    assertThat(cacheControl.getSchema().getEnum()).as(where).containsExactly("no-store");
                    // Only the acknowledgement link speaks HTML: its GET is a page, its POST a page or JSON.
                    boolean page = template.equals(ACK_LINK);
                    List<String> html = page ? List.of("text/html") : List.of();
                    if (status.startsWith("2")) {
                        List<String> expected = !page ? List.of("application/json")
                                : method == PathItem.HttpMethod.GET ? List.of("text/html")
                                : List.of("application/json", "text/html");
                        assertThat(response.getContent().keySet()).as(where)
                                .containsExactlyInAnyOrderElementsOf(expected);
                        return;
                    }
                    assertThat(response.getContent().keySet()).as(where).isSubsetOf(
                            Stream.concat(Stream.of("application/problem+json"), html.stream()).toList());
                    if (!response.getContent().containsKey("application/problem+json")) {
                        return;
                    }
                    response.getContent().get("application/problem+json").getExamples().forEach((name, example) -> {
                        JsonNode problem = Json.mapper().valueToTree(example.getValue());
                        assertThat(problem.get("status").asInt()).as("%s %s status", where, name)
                                .isEqualTo(Integer.parseInt(status));
                        assertThat(problem.get("type").asText()).as("%s %s type", where, name)
                                .isEqualTo("urn:senim:problem:" + problem.get("code").asText());
                        if (problem.has("field")) {
                            assertThat(problem.get("detail").asText()).as("%s %s detail names the field", where, name)
                                    .contains(problem.get("field").asText());
                        }
                    });
                })));
    }

    @Test
    void theSpecIsOpenApi303AndNothingIsSecuredByDefault() {
        OpenAPI unresolved = parse(false);
        assertThat(unresolved.getOpenapi()).isEqualTo("3.0.3");
        assertThat(unresolved.getSecurity()).as("a global requirement would cover the reporter's routes")
                .isNullOrEmpty();
        assertThat(unresolved.getServers()).extracting(s -> s.getUrl()).containsExactly(
                "http://localhost:8080", "https://{distribution}.cloudfront.net");
    }

    @Test
    void theJwtSchemeIsABearerIdTokenWhoseClaimsAreDescribed() {
        Map<String, io.swagger.v3.oas.models.security.SecurityScheme> schemes =
                parse(false).getComponents().getSecuritySchemes();

        assertThat(schemes).containsOnlyKeys("senimJwt");
        io.swagger.v3.oas.models.security.SecurityScheme jwt = schemes.get("senimJwt");
        assertThat(jwt.getType()).isEqualTo(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP);
        assertThat(jwt.getScheme()).isEqualTo("bearer");
        assertThat(jwt.getBearerFormat()).isEqualTo("JWT");
        assertThat(jwt.getDescription()).contains("`sub`", "`custom:organisationId`", "`custom:role`");
    }

    @Test
    void exactlyTheStaffOperationsNeedTheJwtAndTheyAllAnswer401() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        SPEC.getPaths().forEach((template, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + template, operation)));

        assertThat(operations.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(AUTHENTICATED.stream(), ANONYMOUS.stream()).toList());
        for (String name : AUTHENTICATED) {
            Operation operation = operations.get(name);
            assertThat(operation.getSecurity()).as(name).singleElement()
                    .satisfies(requirement -> assertThat(requirement).containsOnlyKeys("senimJwt"));
            assertThat(operation.getResponses()).as(name).containsKey("401");
        }
        for (String name : ANONYMOUS) {
            Operation operation = operations.get(name);
            assertThat(operation.getSecurity()).as(name).isNullOrEmpty();
            assertThat(operation.getResponses()).as(name).doesNotContainKey("401");
        }
    }

    // every bound the code enforces is stated (issue 7, section 4)

    @Test
    void everyStringArrayAndIntegerOfTheContractIsBounded() {
        List<String> unbounded = new ArrayList<>();
        SPEC.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + template;
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> unbounded(name + " parameter " + parameter.getName(),
                        parameter.getSchema(), unbounded));
            }
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((type, media) ->
                        unbounded(name + " request " + type, media.getSchema(), unbounded));
            }
            operation.getResponses().forEach((status, response) -> {
                if (response.getHeaders() != null) {
                    response.getHeaders().forEach((header, definition) -> unbounded(
                            name + " " + status + " header " + header, definition.getSchema(), unbounded));
                }
                if (response.getContent() != null) {
                    response.getContent().forEach((type, media) ->
                            unbounded(name + " " + status + " " + type, media.getSchema(), unbounded));
                }
            });
        }));

        assertThat(unbounded).as("strings need maxLength (or an enum), arrays maxItems, integers a format,"
                + " minimum and maximum").isEmpty();
    }

    /** Adds where {@code schema} or anything in it is unbounded; a schema with nothing unbounded adds nothing. */
    private static void unbounded(String where, io.swagger.v3.oas.models.media.Schema<?> schema, List<String> found) {
        if (schema == null) {
            found.add(where + ": no schema");
            return;
        }
        String type = schema.getType();
        if ("string".equals(type) && schema.getMaxLength() == null
                && (schema.getEnum() == null || schema.getEnum().isEmpty())) {
            found.add(where + ": string without maxLength");
        }
        if ("array".equals(type)) {
            if (schema.getMaxItems() == null) {
                found.add(where + ": array without maxItems");
            }
            unbounded(where + "[]", schema.getItems(), found);
        }
        if ("integer".equals(type) && (schema.getFormat() == null || schema.getMinimum() == null
                || schema.getMaximum() == null)) {
            found.add(where + ": integer without format, minimum and maximum");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, value) -> unbounded(where + " /" + property, value, found));
        }
        if (schema.getAdditionalProperties() instanceof io.swagger.v3.oas.models.media.Schema<?> values) {
            unbounded(where + " /*", values, found);
        }
    }

    @Test
    void theWalkerFindsAnUnboundedStringArrayAndInteger() {
        io.swagger.v3.oas.models.media.Schema<?> page = new io.swagger.v3.oas.models.media.ObjectSchema()
                .addProperty("bounded", new io.swagger.v3.oas.models.media.StringSchema().maxLength(10))
                .addProperty("code", new io.swagger.v3.oas.models.media.StringSchema()._enum(List.of("a", "b")))
                .addProperty("text", new io.swagger.v3.oas.models.media.StringSchema())
                .addProperty("list", new io.swagger.v3.oas.models.media.ArraySchema()
                        .items(new io.swagger.v3.oas.models.media.StringSchema().maxLength(3)))
                .addProperty("count", new io.swagger.v3.oas.models.media.IntegerSchema().minimum(
                        java.math.BigDecimal.ZERO));
        List<String> found = new ArrayList<>();

        unbounded("page", page, found);

        assertThat(found).containsExactlyInAnyOrder("page /text: string without maxLength",
                "page /list: array without maxItems", "page /count: integer without format, minimum and maximum");
    }

    @Test
    void everyRouteStatesItsLimitsAndEveryBodyItsSizeTypeAndAnswers() {
        SPEC.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + template;
            ApiResponse tooMany = operation.getResponses().get("429");
            assertThat(tooMany).as("%s 429", name).isNotNull();
            assertThat(tooMany.getHeaders()).as("%s 429 headers", name).containsKey("Retry-After");
            assertThat(tooMany.getHeaders().get("Retry-After").getRequired()).as(name).isTrue();
            if (operation.getRequestBody() != null) {
                assertThat(operation.getRequestBody().getExtensions()).as("%s x-senim-max-body-bytes", name)
                        .containsKey("x-senim-max-body-bytes");
                assertThat(operation.getRequestBody().getContent()).as(name).containsOnlyKeys("application/json");
                assertThat(operation.getResponses()).as(name).containsKeys("400", "413", "415");
            }
        }));
    }

    // (b) known-good interactions pass
    // (b) known-good interactions pass

    @Nested
    class KnownGood {

        @Test
        void aSubmissionAndItsReceipt() {
            Exchange exchange = submit().respond(201, CREATED, RECEIPT);

            assertThat(CONTRACT.violations(exchange)).isEmpty();
            assertThatCode(() -> CONTRACT.assertConforms(exchange)).doesNotThrowAnyException();
        }

        @Test
        void headerNamesInAnyCase() {
            Exchange exchange = Exchange.post("/v1/reports")
                    .header("idempotency-key", KEY).header("content-type", "application/json; charset=utf-8")
                    .body(REPORT)
                    .respond(201, Map.of("content-type", "application/json", "CACHE-CONTROL", "no-store",
                            "location", "/v1/reports/SN-7Q2K-9M4D-XW3P", "idempotent-replayed", "true"), RECEIPT);

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void aStatusCheckWithTheReceiptInAHeader() {
            Exchange exchange = Exchange.get("/v1/reports/SN-7Q2K-9M4D-XW3P?lang=ru")
                    .header("X-Receipt", "6XTB-R2MD-9KQ4-HN7C-3WZE")
                    .respond(200, JSON, """
                            {"reference":"SN-7Q2K-9M4D-XW3P","status":"acknowledged",
                             "statusText":"Специалист взял ваше сообщение в работу."}""");

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void theRegionsWithANullCentreForUnknown() {
            Exchange exchange = Exchange.get("/v1/regions").query("lang", "kk")
                    .respond(200, JSON, """
                            {"language":"kk","regions":[
                              {"code":"KZ-71","kind":"city","name":"Астана","centre":"Astana"},
                              {"code":"unknown","kind":"unknown","name":"Білмеймін / басқа жер","centre":null}]}""");

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void aRefusedBadRequestOnlyNeedsAConformingProblem() {
            Exchange exchange = Exchange.post("/v1/reports").body(REPORT).respond(400, PROBLEM, MISSING_KEY_PROBLEM);

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void aSignedInCaseReadWithItsVersionAsETag() {
            Exchange exchange = Exchange.get("/v1/cases/SN-N3TY-8HCE-Q1DX")
                    .header("Authorization", BEARER).header("Accept-Language", "kk")
                    .respond(200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                            "ETag", "\"1\""), CASE);

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void anAssignmentOverTheVersionTheCoordinatorSaw() {
            Exchange exchange = Exchange.put("/v1/cases/SN-N3TY-8HCE-Q1DX/assignee")
                    .header("Authorization", BEARER).header("If-Match", "\"1\"")
                    .body("{\"personId\":\"7c1e9a52-4b3d-4f0e-9a61-2d5f0e8b7a13\"}")
                    .respond(200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                            "ETag", "\"2\""), SUMMARY);

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void anUnauthorizedAnswerToARequestWithoutAToken() {
            Exchange exchange = Exchange.get("/v1/cases?region=KZ-71")
                    .respond(401, PROBLEM, UNAUTHORIZED);

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void theAcknowledgementPageIsHtmlWithoutSignIn() {
            Exchange exchange = Exchange.get("/v1/ack/U04tN1EySy05TTRELVhXM1Aua3o.Sx-aDH0ubzqLXE0eDyo7bA")
                    .respond(200, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store",
                            "Referrer-Policy", "no-referrer"), "<!doctype html><html lang=\"en\"></html>");

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void aServiceUnavailableWithRetryAfter() {
            Exchange exchange = submit().respond(503,
                    Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store",
                            "Retry-After", "30"),
                    """
                    {"type":"urn:senim:problem:service_unavailable","title":"Service temporarily unavailable",
                     "status":503,"detail":"Please try again in a minute.","code":"service_unavailable"}""");

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void aReportSentAsPlainTextRefusedWith415() {
            Exchange exchange = Exchange.post("/v1/reports").header("Idempotency-Key", KEY)
                    .header("Content-Type", "text/plain").body(REPORT)
                    .respond(415, PROBLEM, """
                            {"type":"urn:senim:problem:unsupported_media_type","title":"Unsupported content type",
                             "status":415,"detail":"Send the header 'Content-Type' as application/json.",
                             "code":"unsupported_media_type","field":"Content-Type"}""");

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }

        @Test
        void aThrottledStatusCheckWithRetryAfter() {
            Exchange exchange = Exchange.get("/v1/reports/SN-7Q2K-9M4D-XW3P")
                    .header("X-Receipt", "6XTB-R2MD-9KQ4-HN7C-3WZE")
                    .respond(429, Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store",
                            "Retry-After", "1"), """
                            {"type":"urn:senim:problem:too_many_requests","title":"Too many requests","status":429,
                             "detail":"Please wait a moment and try again.","code":"too_many_requests"}""");

            assertThat(CONTRACT.violations(exchange)).isEmpty();
        }
    }

    // (c) wrong interactions fail with a violation that names the problem

    @Nested
    class KnownBad {

        @Test
        void anUnknownFieldInTheRequestBody() {
            Exchange exchange = Exchange.post("/v1/reports").header("Idempotency-Key", KEY)
                    .body(REPORT.replace("{", "{\"phone\":\"+7 701 000 0000\","))
                    .respond(201, CREATED, RECEIPT);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .startsWith("request body")
                    .contains("'phone'", "additionalProperties");
        }

        @Test
        void aMissingIdempotencyKey() {
            Exchange exchange = Exchange.post("/v1/reports").body(REPORT).respond(201, CREATED, RECEIPT);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("Idempotency-Key", "required");
        }

        @Test
        void aMalformedIdempotencyKey() {
            Exchange exchange = Exchange.post("/v1/reports").header("Idempotency-Key", "too short")
                    .body(REPORT).respond(201, CREATED, RECEIPT);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("header Idempotency-Key", "pattern");
        }

        @Test
        void aStatusCodeTheSpecDoesNotDeclare() {
            Exchange exchange = submit().respond(409, PROBLEM, MISSING_KEY_PROBLEM.replace("400", "409"));

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("409", "not defined", "validation.response.status.unknown");
        }

        @Test
        void aReceiptResponseWithoutTheReceipt() {
            Exchange exchange = submit().respond(201, CREATED,
                    RECEIPT.replace("\"receipt\":\"6XTB-R2MD-9KQ4-HN7C-3WZE\",", ""));

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .startsWith("response body")
                    .contains("'receipt'", "required");
        }

        @Test
        void aRegionThatIsNotInTheList() {
            Exchange exchange = Exchange.post("/v1/reports").header("Idempotency-Key", KEY)
                    .body(REPORT.replace("KZ-61", "KZ-99"))
                    .respond(201, CREATED, RECEIPT);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("request body /region", "enumeration");
        }

        @Test
        void aNarrativeThatIsTooLong() {
            Exchange exchange = Exchange.post("/v1/reports").header("Idempotency-Key", KEY)
                    .body(REPORT.replace("Pasportimni", "x".repeat(4001)))
                    .respond(201, CREATED, RECEIPT);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("request body /narrative", "4,000");
        }

        @Test
        void aResponseWithoutCacheControl() {
            Exchange exchange = submit().respond(201,
                    Map.of("Content-Type", "application/json", "Location", "/v1/reports/SN-7Q2K-9M4D-XW3P"), RECEIPT);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("'Cache-Control'", "not found in response");
        }

        @Test
        void aCacheableResponse() {
            Exchange exchange = Exchange.get("/v1/regions?lang=en")
                    .respond(200, Map.of("Content-Type", "application/json", "Cache-Control", "max-age=3600"),
                            "{\"language\":\"en\",\"regions\":[]}");

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .startsWith("response header Cache-Control")
                    .contains("no-store");
        }

        @Test
        void aResponseBodyWithoutContentType() {
            Exchange exchange = submit().respond(201,
                    Map.of("Cache-Control", "no-store", "Location", "/v1/reports/SN-7Q2K-9M4D-XW3P"), "{}");

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("no Content-Type");
        }

        @Test
        void aProblemServedAsPlainJson() {
            Exchange exchange = Exchange.post("/v1/reports").body("{")
                    .respond(400, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                            MISSING_KEY_PROBLEM);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("application/json", "application/problem+json");
        }

        @Test
        void aProblemWithAnUnknownCode() {
            Exchange exchange = Exchange.post("/v1/reports").body(REPORT)
                    .respond(400, PROBLEM,
                            MISSING_KEY_PROBLEM.replace("\"code\":\"missing_field\"", "\"code\":\"oops\""));

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("response body /code", "enumeration");
        }

        @Test
        void theReceiptInTheUrlInsteadOfAHeader() {
            Exchange exchange = Exchange.get("/v1/reports/SN-7Q2K-9M4D-XW3P?receipt=6XTB-R2MD-9KQ4-HN7C-3WZE")
                    .respond(200, JSON,
                            "{\"reference\":\"SN-7Q2K-9M4D-XW3P\",\"status\":\"received\",\"statusText\":\"ok\"}");

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("X-Receipt", "required");
        }

        @Test
        void aRouteTheSpecDoesNotHave() {
            Exchange exchange = Exchange.request("PUT", "/v1/reports/SN-7Q2K-9M4D-XW3P")
                    .respond(400, PROBLEM, MISSING_KEY_PROBLEM);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("PUT operation not allowed");
        }

        @Test
        void aStaffRouteCalledWithoutAToken() {
            Exchange exchange = Exchange.get("/v1/cases/SN-N3TY-8HCE-Q1DX")
                    .respond(200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                            "ETag", "\"1\""), CASE);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("requires security parameters", "validation.request.security.missing");
        }

        @Test
        void aChangeWithoutIfMatch() {
            Exchange exchange = Exchange.put("/v1/cases/SN-N3TY-8HCE-Q1DX/assignee")
                    .header("Authorization", BEARER)
                    .body("{\"personId\":\"7c1e9a52-4b3d-4f0e-9a61-2d5f0e8b7a13\"}")
                    .respond(200, Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                            "ETag", "\"2\""), SUMMARY);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("If-Match", "required");
        }

        @Test
        void aCaseReadWithoutItsETag() {
            Exchange exchange = Exchange.get("/v1/cases/SN-N3TY-8HCE-Q1DX").header("Authorization", BEARER)
                    .respond(200, JSON, CASE);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("'ETag'", "not found in response");
        }

        @Test
        void aQueueThatShowsTheNarrative() {
            Exchange exchange = Exchange.get("/v1/cases?region=KZ-71").header("Authorization", BEARER)
                    .respond(200, JSON, "{\"cases\":[" + CASE + "]}");

            assertThat(CONTRACT.violations(exchange)).isNotEmpty().anySatisfy(violation ->
                    assertThat(violation).contains("response body", "narrative"));
        }

        @Test
        void aReporterConversationThatNamesTheResponder() {
            Exchange exchange = Exchange.get("/v1/reports/SN-7Q2K-9M4D-XW3P/messages")
                    .header("X-Receipt", "6XTB-R2MD-9KQ4-HN7C-3WZE")
                    .respond(200, JSON, """
                            {"reference":"SN-7Q2K-9M4D-XW3P","status":"in_progress","statusText":"…",
                             "messages":[{"messageId":"MB7W2K9QZ4D8XN1PA","at":"2026-11-23T14:05:12.381Z",
                               "from":"7c1e9a52-4b3d-4f0e-9a61-2d5f0e8b7a13","kind":"question","text":"?"}]}""");

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("response body /messages/0/from", "enumeration");
        }

        @Test
        void aThrottledAnswerWithoutRetryAfter() {
            Exchange exchange = submit().respond(429, PROBLEM, """
                    {"type":"urn:senim:problem:too_many_requests","title":"Too many requests","status":429,
                     "detail":"Please wait a moment and try again.","code":"too_many_requests"}""");

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("'Retry-After'", "not found in response");
        }

        @Test
        void aRequestTooLargeAnsweredWithoutAProblem() {
            Exchange exchange = submit().respond(413, JSON, "{\"message\":\"Request Entity Too Large\"}");

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("application/json", "application/problem+json");
        }

        @Test
        void assertConformsListsEveryViolation() {
            Exchange exchange = Exchange.post("/v1/reports").body(REPORT.replace("KZ-61", "KZ-99"))
                    .respond(201, CREATED, RECEIPT.replace("\"receipt\":\"6XTB-R2MD-9KQ4-HN7C-3WZE\",", ""));

            assertThatThrownBy(() -> CONTRACT.assertConforms(exchange))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("POST /v1/reports -> 201")
                    .hasMessageContaining("Idempotency-Key")
                    .hasMessageContaining("/region")
                    .hasMessageContaining("'receipt'");
        }
    }

    // (d) the operations

    @Test
    void operationsListsExactlyTheOperationsOfTheReportersResponsersAndLinks() {
        assertThat(CONTRACT.operations()).containsExactlyInAnyOrder(
                "POST /v1/reports", "GET /v1/reports/{reference}", "GET /v1/regions",
                "GET /v1/reports/{reference}/messages", "POST /v1/reports/{reference}/messages",
                "DELETE /v1/reports/{reference}",
                "GET /v1/cases", "GET /v1/cases/{reference}", "PUT /v1/cases/{reference}/assignee",
                "POST /v1/cases/{reference}/transitions", "GET /v1/cases/{reference}/audit",
                "POST /v1/cases/{reference}/messages", "POST /v1/alerts/{alertId}/acknowledgement",
                "GET /v1/ack/{token}", "POST /v1/ack/{token}", "POST /v1/cases/{reference}/referrals",
                "GET /v1/referrals", "POST /v1/referrals/{referralId}/status", "GET /v1/me", "GET /v1/people",
                "GET /v1/providers", "GET /v1/overview");
    }

    @Test
    void loadIsCached() {
        assertThat(OpenApiContract.load()).isSameAs(CONTRACT);
    }
}
