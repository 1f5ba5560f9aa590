package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.senim.api.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the app must not send is refused with a clear problem in the caller's language, and nothing is stored: bad
 * fields {@code 400}, a body over the route's limit {@code 413}, a body that is not JSON {@code 415}, a method the path
 * does not take {@code 405}. Every bound the contract states for a request body is sent one over, on every route.
 */
class BadInputIT {

    private static final String COORDINATOR = "dana.coordinator.almaty";
    private static final OpenAPI SPEC = spec();

    private static SenimLocal senim;
    private static LocalApi api;

    @BeforeAll
    static void startSenim() {
        // About input, not limits: many refusals in a row must not meet the route throttles (LimitsIT has them).
        senim = SenimLocal.start(Options.forTests().withoutThrottle());
        api = new LocalApi(senim);
    }

    private static OpenAPI spec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(OpenApiContract.load().specification(), null, options).getOpenAPI();
    }

    /** A request the operation takes: its parameters' and first body's examples, a coordinator's token, in Russian. */
    private record Call(String method, String path, Map<String, String> headers, ObjectNode body, int maxBytes) {

        static Call of(String template, PathItem.HttpMethod method, Operation operation, String token) {
            String path = template;
            Map<String, String> headers = new LinkedHashMap<>();
            for (Parameter parameter : operation.getParameters()) {
                String value = String.valueOf(parameter.getExample());
                switch (parameter.getIn()) {
                    case "path" -> path = path.replace("{" + parameter.getName() + "}", value);
                    case "header" -> headers.put(parameter.getName(), value);
                    default -> { }
                }
            }
            headers.put("Accept-Language", "ru");
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                headers.put("Authorization", "Bearer " + token);
            }
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            ObjectNode body = LocalApi.JSON.valueToTree(json.getExamples().values().iterator().next().getValue());
            int maxBytes = ((Number) operation.getRequestBody().getExtensions().get("x-senim-max-body-bytes"))
                    .intValue();
            return new Call(method.name(), path, headers, body, maxBytes);
        }

        LocalApi.Answer send(Map<String, String> changedHeaders, byte[] bytes) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Content-Type", "application/json");
            all.putAll(changedHeaders);
            return api.send(method, path, all, bytes);
        }

        LocalApi.Answer send(ObjectNode json) {
            return send(Map.of(), json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A problem in Russian, the language the call asks for. */
    private static void assertProblem(LocalApi.Answer answer, int status, String code, String field) {
        assertProblem(answer, status, code, field, "ru");
        assertThat(answer.json().path("detail").asText()).containsPattern("\\p{IsCyrillic}");
    }

    private static void assertProblem(LocalApi.Answer answer, int status, String code, String field,
            String language) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Content-Language")).isEqualTo(language);
        assertThat(answer.json().path("code").asText()).isEqualTo(code);
        assertThat(answer.json().path("field").asText()).isEqualTo(field);
        assertThat(answer.json().path("detail").asText()).contains(field);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteWithABodyRefusesWhatTheContractRulesOutAndStoresNothing() {
        String token = api.tokenFor(COORDINATOR);
        List<DynamicTest> tests = new ArrayList<>();
        SPEC.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getRequestBody() == null) {
                return;
            }
            String route = method + " " + template;
            tests.add(DynamicTest.dynamicTest(route + ": not JSON is 415", () -> {
                Call call = Call.of(template, method, operation, token);
                for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                    assertProblem(call.send(Map.of("Content-Type", type),
                            call.body().toString().getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type",
                            "Content-Type");
                }
            }));
            tests.add(DynamicTest.dynamicTest(route + ": a byte over x-senim-max-body-bytes is 413", () -> {
                Call call = Call.of(template, method, operation, token);
                byte[] json = call.body().toString().getBytes(StandardCharsets.UTF_8);
                byte[] padded = Arrays.copyOf(json, call.maxBytes() + 1);
                Arrays.fill(padded, json.length, padded.length, (byte) ' ');
                assertProblem(call.send(Map.of(), padded), 413, "body_too_large", "body");
            }));
            Schema<?> schema = operation.getRequestBody().getContent().get("application/json").getSchema();
            schema.getProperties().forEach((name, property) -> {
                if (!"string".equals(property.getType()) || property.getEnum() != null) {
                    return;
                }
                tests.add(DynamicTest.dynamicTest(route + ": " + name + " of maxLength + 1 is 400", () -> {
                    Call call = Call.of(template, method, operation, token);
                    ObjectNode longer = call.body().deepCopy().put(name, "a".repeat(property.getMaxLength() + 1));
                    // A report's problems speak the report's language (openapi.yaml, POST /v1/reports).
                    assertProblem(call.send(longer), 400, "invalid_field", name,
                            call.body().path("language").asText("ru"));
                }));
            });
        }));
        assertThat(tests).as("tests for the routes with a body").hasSizeGreaterThan(20);
        int itemsBefore = Tables.records(senim).size();
        return Stream.concat(tests.stream(), Stream.of(DynamicTest.dynamicTest("and nothing was stored",
                () -> assertThat(Tables.records(senim)).hasSize(itemsBefore))));
    }

    @Test
    void aReportSentAsTextIsRefusedBeforeItIsReadAndNothingIsStored() {
        int itemsBefore = Tables.records(senim).size();
        byte[] report = ReportBodies.victimInAlmaty().toString().getBytes(StandardCharsets.UTF_8);

        LocalApi.Answer text = api.send("POST", "/v1/reports", Map.of("Content-Type", "text/plain",
                "Idempotency-Key", ReportBodies.newKey(), "Accept-Language", "kk"), report);
        LocalApi.Answer json = api.send("POST", "/v1/reports", Map.of("Content-Type", "Application/JSON; charset=UTF-8",
                "Idempotency-Key", ReportBodies.newKey()), report);

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().path("field").asText()).isEqualTo("Content-Type");
        assertThat(text.header("Content-Language")).isEqualTo("kk");
        assertThat(json.status()).as("the same report sent as JSON").isEqualTo(201);
        assertThat(Tables.records(senim)).hasSizeGreaterThan(itemsBefore);
        assertThat(Tables.cases(senim).toString()).contains(json.json().path("reference").asText());
    }

    @Test
    void aNarrativeWithABidiOverrideIsRefusedNamingItAndNothingIsStored() {
        int itemsBefore = Tables.records(senim).size();
        String override = ReportBodies.witnessInAstana().put("narrative", "Paid \u202E0001 ynet\u202C a month")
                .toString();

        LocalApi.Answer answer = api.submit(ReportBodies.newKey(), override);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("field").asText()).isEqualTo("narrative");
        assertThat(answer.json().path("code").asText()).isEqualTo("invalid_field");
        assertThat(Tables.records(senim)).hasSize(itemsBefore);
    }

    @Test
    void aMethodAKnownPathDoesNotTakeIs405NamingTheOnesItDoes() {
        LocalApi.Answer delete = api.sendUnchecked("DELETE", "/v1/reports", Map.of("Accept-Language", "en"), null);
        LocalApi.Answer put = api.sendUnchecked("PUT", "/v1/regions", Map.of(), null);
        LocalApi.Answer patch = api.sendUnchecked("PATCH", "/v1/ack/some-token", Map.of("Accept-Language", "ru"),
                null);
        LocalApi.Answer post = api.sendUnchecked("POST", "/v1/reports/SN-7Q2K-9M4D-XW3P", Map.of(), null);

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("POST");
        assertThat(delete.header("Content-Type")).startsWith("application/problem+json");
        assertThat(delete.json().path("code").asText()).isEqualTo("method_not_allowed");
        assertThat(delete.json().path("detail").asText()).contains("POST");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.header("Allow")).isEqualTo("GET, POST");
        assertThat(patch.header("Content-Language")).isEqualTo("ru");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).as("a report is read, or withdrawn by its reporter").isEqualTo("DELETE, GET");
        assertThat(api.sendUnchecked("DELETE", "/v1/nowhere", Map.of(), null).status())
                .as("an unknown path stays 404").isEqualTo(404);
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNamingTheBody() {
        byte[] json = ReportBodies.victimInAlmatyInDanger().toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[json.length + 2];
        System.arraycopy(json, 0, broken, 0, json.length - 1);
        broken[json.length - 1] = (byte) 0xC3; // a UTF-8 lead byte with no continuation
        broken[json.length] = (byte) 0x28;
        broken[json.length + 1] = '}';
        int itemsBefore = Tables.records(senim).size();

        LocalApi.Answer answer = api.send("POST", "/v1/reports", Map.of("Content-Type", "application/json",
                "Idempotency-Key", ReportBodies.newKey(), "Accept-Language", "ru"), broken);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("invalid_encoding");
        assertThat(answer.json().path("field").asText()).isEqualTo("body");
        assertThat(answer.json().path("detail").asText()).containsPattern("\\p{IsCyrillic}");
        assertThat(Tables.records(senim)).hasSize(itemsBefore);
    }

    @Test
    void anUnknownFieldIsRefusedNamingItInTheReportsLanguage() {
        String json = ReportBodies.witnessInAstana().put("phone", "+77010000000").toString();
        int itemsBefore = Tables.records(senim).size();

        LocalApi.Answer answer = api.submit(ReportBodies.newKey(), json);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("unknown_field");
        assertThat(answer.json().path("field").asText()).isEqualTo("phone");
        assertThat(answer.header("Content-Language")).isEqualTo("kk");
        assertThat(answer.json().path("detail").asText()).contains("phone").containsPattern("[әғқңөұүһі]");
        assertThat(Tables.records(senim)).hasSize(itemsBefore);
        assertThat(Tables.cases(senim).toString()).doesNotContain("+77010000000");
    }

    @Test
    void aReportWithoutAnIdempotencyKeyIsRefusedNamingTheHeader() {
        int itemsBefore = Tables.records(senim).size();

        LocalApi.Answer answer = api.submit(null, ReportBodies.victimInAlmatyInDanger().toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(Tables.records(senim)).hasSize(itemsBefore);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedNamingTheBody() {
        int itemsBefore = Tables.records(senim).size();

        LocalApi.Answer answer = api.submit(ReportBodies.newKey(), "{\"reporterRole\":");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("invalid_json");
        assertThat(answer.json().path("field").asText()).isEqualTo("body");
        assertThat(Tables.records(senim)).hasSize(itemsBefore);
    }
}
