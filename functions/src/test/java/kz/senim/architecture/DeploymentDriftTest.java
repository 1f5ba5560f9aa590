package kz.senim.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.senim.api.OpenApiContract;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.testing.MutableClock;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The code, the SAM template and the mobile API contract are three descriptions of one system; these tests fail as
 * soon as one of them says something the others do not.
 */
class DeploymentDriftTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERT_TOPIC_PREFIX = "${AWS::StackName}-alerts-";
    /** Settings of the runtime or of libraries, not of Senim's code. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    /** The template's functions, named by logical id. */
    static Stream<Arguments> functions() {
        return TEMPLATE.functions().stream().map(f -> Arguments.of(Named.of(f.logicalId(), f)));
    }

    // --- (a) routes ---------------------------------------------------------------------------------------------

    @Test
    void the_templates_http_routes_are_exactly_the_operations_of_the_contract() {
        Set<String> routes = TEMPLATE.functions().stream()
                .flatMap(f -> f.routes().stream())
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(routes).isNotEmpty().isEqualTo(CONTRACT.operations());
    }

    // --- (b) handlers -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void every_template_handler_names_a_request_handler_of_the_code(SamTemplate.Function function) throws Exception {
        assertThat(function.handler()).matches("[a-z][\\w.]*\\.[A-Z]\\w*::handleRequest");
        Class<?> handler = Class.forName(handlerClass(function));

        assertThat(RequestHandler.class).isAssignableFrom(handler);
        assertThat(Modifier.isPublic(handler.getModifiers())).isTrue();
        assertThat(Stream.of(handler.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2)
                .filter(m -> m.getParameterTypes()[1] == Context.class && !m.isBridge()))
                .hasSize(1);
    }

    @Test
    void every_request_handler_of_the_code_is_deployed() {
        Set<String> deployed = TEMPLATE.functions().stream().map(DeploymentDriftTest::handlerClass)
                .collect(Collectors.toSet());
        Set<String> inCode = new ClassFileImporter()
                .withImportOption(new ArchitectureTest.OnlyTheLambdaCode())
                .importPackages("kz.senim").stream()
                .filter(c -> c.isAssignableTo(RequestHandler.class) && !c.isInterface())
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(deployed).containsAll(inCode);
    }

    // --- (c) configuration --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void each_function_is_given_exactly_the_settings_its_code_asks_for(SamTemplate.Function function)
            throws Exception {
        Set<String> asked = new TreeSet<>();
        Function<String, String> recordingSettings = name -> {
            asked.add(name);
            return dummy(name);
        };
        Wiring wiring = new Wiring(recordingSettings, MutableClock.atNoon());

        assertThatCode(() -> Class.forName(handlerClass(function)).getConstructor(Wiring.class).newInstance(wiring))
                .as("building %s from its Wiring", function.handler())
                .doesNotThrowAnyException();

        Set<String> declared = new TreeSet<>(function.environmentVariables());
        Set<String> lambdaProvides = Set.of(Wiring.AWS_REGION);
        assertThat(asked).as("settings %s asks for", function.logicalId())
                .allMatch(name -> declared.contains(name) || lambdaProvides.contains(name),
                        "declared in the template " + declared + " or set by Lambda " + lambdaProvides);
        Set<String> ownDeclared = declared.stream()
                .filter(name -> !PLATFORM_VARIABLES.contains(name) && !name.startsWith("POWERTOOLS_"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(asked).as("the code of %s uses every variable the template gives it", function.logicalId())
                .containsAll(ownDeclared);
    }

    private static String dummy(String name) {
        if (name.equals(Wiring.AWS_REGION)) {
            return "eu-central-1";
        }
        if (name.contains("_DAYS")) {
            return "200";
        }
        if (name.endsWith("_ARN_PREFIX")) {
            return "arn:aws:sns:eu-central-1:123456789012:senim-alerts-";
        }
        if (name.endsWith("_ARN")) {
            return "arn:aws:sns:eu-central-1:123456789012:senim-" + name.toLowerCase(Locale.ROOT);
        }
        return "senim-" + name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // --- (d) alert topics ---------------------------------------------------------------------------------------

    @Test
    void every_organisation_of_the_directory_has_an_alert_topic_and_every_alert_topic_an_organisation() {
        Set<String> expected = DirectoryData.seed().stream().map(Organisation::id)
                .map(id -> ALERT_TOPIC_PREFIX + id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> alertTopics = TEMPLATE.snsTopicNames().stream()
                .filter(name -> name.startsWith(ALERT_TOPIC_PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(alertTopics).isEqualTo(expected);
    }

    // --- (e) tables ---------------------------------------------------------------------------------------------

    @Test
    void the_tables_are_keyed_by_the_attributes_the_adapters_write() {
        Map<String, CreateTableRequest> tables = TEMPLATE.tables(Function.identity()).stream()
                .collect(Collectors.toMap(CreateTableRequest::tableName, Function.identity()));

        for (String table : List.of("CasesTable", "DirectoryTable")) {
            assertThat(tables).containsKey(table);
            assertThat(tables.get(table).keySchema()).as(table)
                    .extracting(KeySchemaElement::attributeName, KeySchemaElement::keyType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(CasesTable.PK, KeyType.HASH),
                            org.assertj.core.groups.Tuple.tuple(CasesTable.SK, KeyType.RANGE));
        }
        assertThat(AlertItems.toItem(anAlert())).containsKeys(CasesTable.PK, CasesTable.SK);
    }

    @Test
    void idempotency_records_expire_through_the_ttl_attribute_the_code_writes() {
        assertThat(TEMPLATE.ttlAttribute("CasesTable")).contains("expiresAt");
        assertThat(TEMPLATE.ttlAttribute("DirectoryTable")).isEmpty();
    }

    // --- (f) the stream filter ----------------------------------------------------------------------------------

    @Test
    void the_dispatchers_stream_filter_lets_through_the_alert_items_the_outbox_writes() {
        JsonNode pattern = dispatcherFilter();
        ObjectNode record = JSON.createObjectNode().put("eventName", "INSERT");
        ObjectNode image = record.putObject("dynamodb").putObject("NewImage");
        AlertItems.toItem(anAlert()).forEach((name, value) -> {
            if (value.s() != null) {
                image.putObject(name).put("S", value.s());
            } else if (value.n() != null) {
                image.putObject(name).put("N", value.n());
            }
        });

        assertThat(matches(pattern, record)).as("%s matches an inserted outbox item", pattern).isTrue();
        record.put("eventName", "MODIFY");
        assertThat(matches(pattern, record)).as("a modified outbox item").isFalse();
    }

    @Test
    void the_dispatchers_stream_filter_keeps_only_the_alert_insert_of_the_fixture() throws IOException {
        JsonNode pattern = dispatcherFilter();
        JsonNode fixture;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/dynamodb-stream-cases.json")) {
            fixture = JSON.readTree(in);
        }

        List<String> delivered = java.util.stream.StreamSupport.stream(fixture.path("Records").spliterator(), false)
                .filter(record -> matches(pattern, record))
                .map(record -> record.path("dynamodb").path("SequenceNumber").asText())
                .toList();

        assertThat(delivered).containsExactly("300000000012345678902");
    }

    private static JsonNode dispatcherFilter() {
        JsonNode events = TEMPLATE.functionProperties("AlertDispatcherFunction").path("Events");
        List<JsonNode> filters = java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .filter(e -> "DynamoDB".equals(e.path("Type").asText()))
                .flatMap(e -> java.util.stream.StreamSupport.stream(
                        e.path("Properties").path("FilterCriteria").path("Filters").spliterator(), false))
                .toList();
        assertThat(filters).hasSize(1);
        try {
            return JSON.readTree(filters.get(0).path("Pattern").asText());
        } catch (IOException e) {
            throw new AssertionError("the dispatcher's filter pattern is not JSON", e);
        }
    }

    /** Lambda event filtering for the subset Senim uses: nested objects and lists of exact values. */
    private static boolean matches(JsonNode pattern, JsonNode event) {
        for (Map.Entry<String, JsonNode> rule : (Iterable<Map.Entry<String, JsonNode>>) pattern::fields) {
            JsonNode value = event.get(rule.getKey());
            if (value == null) {
                return false;
            }
            JsonNode expected = rule.getValue();
            if (expected.isObject()) {
                if (!matches(expected, value)) {
                    return false;
                }
            } else if (expected.isArray()) {
                expected.forEach(option -> {
                    if (!option.isValueNode()) {
                        throw new IllegalStateException("filter rule not supported by this test: " + option);
                    }
                });
                if (!value.isValueNode() || java.util.stream.StreamSupport.stream(expected.spliterator(), false)
                        .noneMatch(option -> option.asText().equals(value.asText()))) {
                    return false;
                }
            } else {
                throw new IllegalStateException("a filter pattern value must be an object or a list: " + expected);
            }
        }
        return true;
    }

    // --- (g) where the API is ------------------------------------------------------------------------------------

    @Test
    void the_contracts_aws_server_is_the_distribution_which_adds_the_stage_the_template_deploys() {
        JsonNode api = TEMPLATE.resources("AWS::Serverless::HttpApi").values().iterator().next();
        JsonNode stageName = api.path("Properties").path("StageName");
        JsonNode origin = TEMPLATE.resource("ApiDistribution").path("Properties").path("DistributionConfig")
                .path("Origins").path(0);
        Server aws = spec().getServers().stream().filter(s -> s.getUrl().contains("cloudfront.net"))
                .findFirst().orElseThrow();
        String path = URI.create(aws.getUrl().replaceAll("\\{[^}]+}", "x")).getPath();

        // Clients call https://<distribution>/v1/...; CloudFront prepends the stage on its way to the API.
        assertThat(stageName.path("Ref").asText()).isEqualTo("Stage");
        assertThat(origin.path("OriginPath").path("Fn::Sub").asText()).isEqualTo("/${Stage}");
        assertThat(path).as("path of the server %s", aws.getUrl()).isEmpty();
        assertThat(TEMPLATE.document().path("Outputs").path("ApiUrl").path("Value").path("Fn::Sub").asText())
                .isEqualTo("https://${ApiDistribution.DomainName}");
    }

    @Test
    void browsers_may_send_and_read_every_header_of_the_contract() {
        JsonNode cors = TEMPLATE.resources("AWS::Serverless::HttpApi").values().iterator().next()
                .path("Properties").path("CorsConfiguration");
        Set<String> allowed = lowerCase(cors.path("AllowHeaders"));
        Set<String> exposed = lowerCase(cors.path("ExposeHeaders"));
        Set<String> requestHeaders = new TreeSet<>(Set.of("content-type"));
        Set<String> responseHeaders = new TreeSet<>();
        spec().getPaths().values().forEach(item -> item.readOperations().forEach((Operation operation) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> "header".equals(p.getIn()))
                        .forEach(p -> requestHeaders.add(p.getName().toLowerCase(Locale.ROOT)));
            }
            operation.getResponses().values().forEach(response -> {
                if (response.getHeaders() != null) {
                    response.getHeaders().keySet().forEach(h -> responseHeaders.add(h.toLowerCase(Locale.ROOT)));
                }
            });
        }));
        // Response headers a browser may always read (Fetch standard, CORS-safelisted response header names).
        responseHeaders.removeAll(Set.of("cache-control", "content-language", "content-length", "content-type",
                "expires", "last-modified", "pragma"));

        assertThat(allowed).containsAll(requestHeaders);
        assertThat(exposed).containsAll(responseHeaders);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static OpenAPI spec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(CONTRACT.specification(), null, options).getOpenAPI();
    }

    private static Set<String> lowerCase(JsonNode list) {
        Set<String> names = new TreeSet<>();
        list.forEach(n -> names.add(n.asText().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static String handlerClass(SamTemplate.Function function) {
        return function.handler().replaceFirst("::.*$", "");
    }

    private static Alert anAlert() {
        return Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission", new RegionCode("KZ-75"),
                Category.BEGGING, Severity.HIGH, Instant.parse("2026-11-23T12:00:00Z"));
    }
}
