package kz.senim.api;

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
import kz.senim.api.OpenApiContract.Exchange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static final Map<String, String> JSON = Map.of(
            "Content-Type", "application/json", "Cache-Control", "no-store");
    private static final Map<String, String> PROBLEM = Map.of(
            "Content-Type", "application/problem+json", "Cache-Control", "no-store");

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
                                .responseBody(json(example.getValue()))
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
                .responseBody(json(body))
                .build();
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
                    if (status.startsWith("2")) {
                        assertThat(response.getContent()).as(where).containsOnlyKeys("application/json");
                        return;
                    }
                    assertThat(response.getContent()).as(where).containsOnlyKeys("application/problem+json");
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
    void theSpecIsOpenApi303WithNoSecurity() {
        OpenAPI unresolved = parse(false);
        assertThat(unresolved.getOpenapi()).isEqualTo("3.0.3");
        assertThat(unresolved.getSecurity()).isNullOrEmpty();
        assertThat(unresolved.getComponents().getSecuritySchemes()).isNullOrEmpty();
        assertThat(unresolved.getServers()).extracting(s -> s.getUrl()).containsExactly(
                "http://localhost:8080", "https://{apiId}.execute-api.{region}.amazonaws.com");
    }

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
        void aServiceUnavailableWithRetryAfter() {
            Exchange exchange = submit().respond(503,
                    Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store",
                            "Retry-After", "30"),
                    """
                    {"type":"urn:senim:problem:service_unavailable","title":"Service temporarily unavailable",
                     "status":503,"detail":"Please try again in a minute.","code":"service_unavailable"}""");

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
            Exchange exchange = Exchange.request("DELETE", "/v1/reports/SN-7Q2K-9M4D-XW3P")
                    .respond(400, PROBLEM, MISSING_KEY_PROBLEM);

            assertThat(CONTRACT.violations(exchange)).singleElement().asString()
                    .contains("DELETE operation not allowed");
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
    void operationsListsExactlyTheThreeOperations() {
        assertThat(CONTRACT.operations()).containsExactlyInAnyOrder(
                "POST /v1/reports", "GET /v1/reports/{reference}", "GET /v1/regions");
    }

    @Test
    void loadIsCached() {
        assertThat(OpenApiContract.load()).isSameAs(CONTRACT);
    }
}
