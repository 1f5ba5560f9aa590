package kz.senim.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * Senim's AWS SAM template ({@code infrastructure/template.yaml}), read so that tests and the local runner build
 * exactly what CloudFormation would: the same tables, function handlers, environment variables, routes and topics.
 * Short-form intrinsics are returned in long form ({@code !Ref X} is {@code {"Ref": "X"}}).
 */
public final class SamTemplate {

    public static final String RESOURCE = "kz/senim/infrastructure/template.yaml";
    /** The edge firewall's own template (deployed in us-east-1, where CloudFront's web ACLs are). */
    public static final String EDGE_FIREWALL_RESOURCE = "kz/senim/infrastructure/edge-firewall.yaml";
    public static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    public static final String TOPIC_TYPE = "AWS::SNS::Topic";
    private static final String STACK_NAME = "${AWS::StackName}";
    /** SAM's value of an event's {@code Auth.Authorizer} that opens a route despite the API's default. */
    private static final String NO_AUTHORIZER = "NONE";

    private final JsonNode document;

    private SamTemplate(JsonNode document) {
        if (!document.path("Resources").isObject()) {
            throw new IllegalArgumentException("a template needs a Resources section");
        }
        this.document = document;
    }

    /** The template packaged with this module, from the classpath resource {@value #RESOURCE}. */
    public static SamTemplate load() {
        return load(RESOURCE);
    }

    /** A template packaged with this module, e.g. {@value #EDGE_FIREWALL_RESOURCE}. */
    public static SamTemplate load(String resource) {
        try (InputStream in = SamTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(CloudFormationYaml.read(yaml));
    }

    /** The whole template as JSON (a copy), for sections without an accessor of their own. */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** One resource ({@code Type}, {@code Properties}, …) by logical id (a copy). */
    public JsonNode resource(String logicalId) {
        JsonNode resource = document.path("Resources").get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("no resource '" + logicalId + "' in the template");
        }
        return resource.deepCopy();
    }

    /** Resources of one type, e.g. {@value #TABLE_TYPE}, by logical id in template order (copies). */
    public Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> matching = new LinkedHashMap<>();
        document.path("Resources").fields().forEachRemaining(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                matching.put(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        return Collections.unmodifiableMap(matching);
    }

    /**
     * The Properties of an {@value #FUNCTION_TYPE} with {@code Globals.Function} merged in as SAM merges them:
     * maps are merged key by key, lists are concatenated (globals first), anything else is overridden.
     */
    public JsonNode functionProperties(String logicalId) {
        JsonNode function = resource(logicalId);
        if (!FUNCTION_TYPE.equals(function.path("Type").asText())) {
            throw new IllegalArgumentException("'" + logicalId + "' is not an " + FUNCTION_TYPE);
        }
        return mergeGlobal(document.path("Globals").path("Function"), function.path("Properties")).deepCopy();
    }

    /** Every function with its handler, its effective environment variable names (Globals included) and HTTP routes. */
    public List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        for (String logicalId : resources(FUNCTION_TYPE).keySet()) {
            JsonNode properties = functionProperties(logicalId);
            SortedSet<String> variables = new TreeSet<>();
            properties.path("Environment").path("Variables").fieldNames().forEachRemaining(variables::add);
            List<HttpRoute> routes = new ArrayList<>();
            for (JsonNode event : properties.path("Events")) {
                if ("HttpApi".equals(event.path("Type").asText())) {
                    JsonNode route = event.path("Properties");
                    routes.add(new HttpRoute(
                            route.path("Method").asText("ANY").toUpperCase(Locale.ROOT),
                            route.path("Path").asText("$default")));
                }
            }
            functions.add(new Function(logicalId, literal(properties.path("Handler"), logicalId + ".Handler"),
                    Collections.unmodifiableSortedSet(variables), List.copyOf(routes)));
        }
        return List.copyOf(functions);
    }

    /**
     * The authorizer that protects an HTTP route, as API Gateway applies it: the route's own
     * {@code Auth.Authorizer}, else the {@code Auth.DefaultAuthorizer} of the API it is on. Empty when the route is
     * open to anyone: {@code Authorizer: NONE}, or no authorizer at all. The local runner uses it to check tokens on
     * exactly the routes AWS would.
     *
     * @throws IllegalArgumentException when no function has an {@code HttpApi} event for the route
     */
    public Optional<String> authorizer(HttpRoute route) {
        RouteEvent event = routeEvent(route);
        JsonNode own = event.properties().path("Auth").path("Authorizer");
        String authorizer;
        if (own.isMissingNode()) {
            JsonNode name = httpApiProperties(event).path("Auth").path("DefaultAuthorizer");
            authorizer = name.isMissingNode() ? null : literal(name, event.function() + " DefaultAuthorizer");
        } else {
            authorizer = literal(own, event.function() + ".Events.Auth.Authorizer");
        }
        return authorizer == null || authorizer.equals(NO_AUTHORIZER) ? Optional.empty() : Optional.of(authorizer);
    }

    /**
     * The throttle API Gateway applies to an HTTP route: the {@code RouteSettings} entry of the route's key on its
     * API's stage, else the API's {@code DefaultRouteSettings}; empty when neither sets a throttle (then only the
     * account's limits apply). Each route has a bucket of its own, shared by all its callers. The local runner
     * applies it as API Gateway does.
     *
     * @throws IllegalArgumentException when no function has an {@code HttpApi} event for the route
     * @throws IllegalStateException when a setting lacks one of rate and burst, or either is not a positive literal
     */
    public Optional<Throttle> throttle(HttpRoute route) {
        JsonNode api = httpApiProperties(routeEvent(route));
        JsonNode own = api.path("RouteSettings").path(route.method() + " " + route.path());
        return throttleOf(own).or(() -> throttleOf(api.path("DefaultRouteSettings")));
    }

    /** The {@code HttpApi} event of a function that serves the route: the function's id and the event's Properties. */
    private record RouteEvent(String function, JsonNode properties) {
    }

    private RouteEvent routeEvent(HttpRoute route) {
        for (String logicalId : resources(FUNCTION_TYPE).keySet()) {
            for (JsonNode event : functionProperties(logicalId).path("Events")) {
                JsonNode properties = event.path("Properties");
                if ("HttpApi".equals(event.path("Type").asText())
                        && route.method().equals(properties.path("Method").asText("ANY").toUpperCase(Locale.ROOT))
                        && route.path().equals(properties.path("Path").asText("$default"))) {
                    return new RouteEvent(logicalId, properties);
                }
            }
        }
        throw new IllegalArgumentException("no function serves " + route.method() + " " + route.path());
    }

    /** The Properties of the HttpApi an event names (or the implicit API's, from Globals). */
    private JsonNode httpApiProperties(RouteEvent event) {
        JsonNode apiId = event.properties().path("ApiId");
        if (apiId.isMissingNode()) {
            return document.path("Globals").path("HttpApi");
        }
        if (apiId.path("Ref").isTextual()) {
            return resource(apiId.path("Ref").textValue()).path("Properties");
        }
        throw new IllegalStateException(event.function() + ": ApiId must be a !Ref to an HttpApi of the template");
    }

    private static Optional<Throttle> throttleOf(JsonNode settings) {
        JsonNode rate = settings.path("ThrottlingRateLimit");
        JsonNode burst = settings.path("ThrottlingBurstLimit");
        if (rate.isMissingNode() && burst.isMissingNode()) {
            return Optional.empty();
        }
        if (!rate.isNumber() || !burst.isIntegralNumber() || !burst.canConvertToInt()
                || rate.asDouble() <= 0 || burst.asInt() < 1) {
            throw new IllegalStateException("a throttle needs a positive ThrottlingRateLimit and a whole"
                    + " ThrottlingBurstLimit of at least 1, found " + settings);
        }
        return Optional.of(new Throttle(rate.asDouble(), burst.asInt()));
    }

    /**
     * A create request for every {@value #TABLE_TYPE}: attribute definitions, key schema, secondary indexes with their
     * projections, billing mode and stream. Encryption, PITR, TTL and deletion protection are left to the caller
     * (see {@link #ttlAttribute}); they change no behaviour the code can observe locally.
     *
     * @param physicalName table name to use for a logical id, e.g. {@code CasesTable -> senim-cases}
     */
    public List<CreateTableRequest> tables(java.util.function.Function<String, String> physicalName) {
        List<CreateTableRequest> requests = new ArrayList<>();
        resources(TABLE_TYPE).forEach((logicalId, table) -> {
            String name = physicalName.apply(logicalId);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("no table name for " + logicalId);
            }
            requests.add(createTableRequest(name, logicalId, table.path("Properties")));
        });
        return List.copyOf(requests);
    }

    /**
     * The table name CloudFormation gives a table in a stack called {@code stackName}, from its TableName
     * ({@code !Sub ${AWS::StackName}-cases} in stack {@code senim} is {@code senim-cases}).
     */
    public String tableName(String logicalTableId, String stackName) {
        JsonNode tableName = properties(logicalTableId, TABLE_TYPE).path("TableName");
        if (tableName.isMissingNode()) {
            throw new IllegalStateException(logicalTableId + " has no TableName; CloudFormation would generate one");
        }
        String resolved = subTemplate(tableName, logicalTableId + ".TableName").replace(STACK_NAME, stackName);
        if (resolved.contains("${")) {
            throw new IllegalStateException(logicalTableId + ".TableName uses more than ${AWS::StackName}: " + resolved);
        }
        return resolved;
    }

    /** The time-to-live attribute of a table, if TTL is enabled on it. */
    public Optional<String> ttlAttribute(String logicalTableId) {
        JsonNode ttl = properties(logicalTableId, TABLE_TYPE).path("TimeToLiveSpecification");
        if (!ttl.path("Enabled").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(literal(ttl.path("AttributeName"), logicalTableId + ".TimeToLiveSpecification"));
    }

    /**
     * TopicName of every {@value #TOPIC_TYPE}, with {@code ${AWS::StackName}} left as written
     * (e.g. {@code ${AWS::StackName}-alerts-kz-75-commission}). Topics without a TopicName are not listed.
     */
    public List<String> snsTopicNames() {
        List<String> names = new ArrayList<>();
        resources(TOPIC_TYPE).forEach((logicalId, topic) -> {
            JsonNode topicName = topic.path("Properties").path("TopicName");
            if (!topicName.isMissingNode()) {
                names.add(subTemplate(topicName, logicalId + ".TopicName"));
            }
        });
        return List.copyOf(names);
    }

    /** An {@value #FUNCTION_TYPE} as deployed: Globals applied. */
    public record Function(String logicalId, String handler, Set<String> environmentVariables, List<HttpRoute> routes) {
    }

    /** An {@code HttpApi} event of a function, e.g. {@code POST /v1/reports}. */
    public record HttpRoute(String method, String path) {
    }

    /**
     * A route's throttle, as API Gateway applies it: a token bucket that refills {@code rateLimit} requests a second
     * and holds at most {@code burstLimit}; a request finding it empty is refused with {@code 429}.
     */
    public record Throttle(double rateLimit, int burstLimit) {
    }

    private JsonNode properties(String logicalId, String type) {
        JsonNode resource = resource(logicalId);
        if (!type.equals(resource.path("Type").asText())) {
            throw new IllegalArgumentException("'" + logicalId + "' is not an " + type);
        }
        return resource.path("Properties");
    }

    private static CreateTableRequest createTableRequest(String name, String logicalId, JsonNode properties) {
        BillingMode billingMode = BillingMode.fromValue(
                properties.path("BillingMode").asText(BillingMode.PROVISIONED.toString()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(billingMode)
                .attributeDefinitions(attributeDefinitions(properties.path("AttributeDefinitions"), logicalId))
                .keySchema(keySchema(properties.path("KeySchema"), logicalId));
        if (billingMode == BillingMode.PROVISIONED) {
            request.provisionedThroughput(throughput(properties.path("ProvisionedThroughput"), logicalId));
        }
        List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            String where = logicalId + ".GlobalSecondaryIndexes";
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName(literal(index.path("IndexName"), where))
                    .keySchema(keySchema(index.path("KeySchema"), where))
                    .projection(projection(index.path("Projection"), where));
            if (billingMode == BillingMode.PROVISIONED) {
                gsi.provisionedThroughput(throughput(index.path("ProvisionedThroughput"), where));
            }
            globalIndexes.add(gsi.build());
        }
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = new ArrayList<>();
        for (JsonNode index : properties.path("LocalSecondaryIndexes")) {
            String where = logicalId + ".LocalSecondaryIndexes";
            localIndexes.add(LocalSecondaryIndex.builder()
                    .indexName(literal(index.path("IndexName"), where))
                    .keySchema(keySchema(index.path("KeySchema"), where))
                    .projection(projection(index.path("Projection"), where))
                    .build());
        }
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        JsonNode stream = properties.path("StreamSpecification");
        if (!stream.isMissingNode()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(literal(stream.path("StreamViewType"), logicalId + ".StreamSpecification"))
                    .build());
        }
        return request.build();
    }

    private static List<AttributeDefinition> attributeDefinitions(JsonNode definitions, String where) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (JsonNode definition : definitions) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName(literal(definition.path("AttributeName"), where + ".AttributeDefinitions"))
                    .attributeType(literal(definition.path("AttributeType"), where + ".AttributeDefinitions"))
                    .build());
        }
        return attributes;
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys, String where) {
        if (!keys.isArray() || keys.isEmpty()) {
            throw new IllegalStateException(where + " has no KeySchema");
        }
        List<KeySchemaElement> schema = new ArrayList<>();
        for (JsonNode key : keys) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(literal(key.path("AttributeName"), where + ".KeySchema"))
                    .keyType(literal(key.path("KeyType"), where + ".KeySchema"))
                    .build());
        }
        return schema;
    }

    private static Projection projection(JsonNode projection, String where) {
        Projection.Builder builder = Projection.builder()
                .projectionType(literal(projection.path("ProjectionType"), where + ".Projection"));
        if (projection.has("NonKeyAttributes")) {
            List<String> attributes = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(a -> attributes.add(literal(a, where + ".NonKeyAttributes")));
            builder.nonKeyAttributes(attributes);
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(JsonNode throughput, String where) {
        if (!throughput.path("ReadCapacityUnits").canConvertToLong()
                || !throughput.path("WriteCapacityUnits").canConvertToLong()) {
            throw new IllegalStateException(where + " is PROVISIONED but has no literal ProvisionedThroughput");
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(throughput.path("ReadCapacityUnits").asLong())
                .writeCapacityUnits(throughput.path("WriteCapacityUnits").asLong())
                .build();
    }

    /** A plain scalar; an intrinsic function here cannot be resolved without deploying. */
    private static String literal(JsonNode value, String where) {
        if (!value.isValueNode() || value.isNull()) {
            throw new IllegalStateException(where + " must be a literal value, found " + value);
        }
        return value.asText();
    }

    /** A plain string or the string form of {@code Fn::Sub}, returned unresolved. */
    private static String subTemplate(JsonNode value, String where) {
        if (value.isTextual()) {
            return value.textValue();
        }
        JsonNode sub = value.path("Fn::Sub");
        if (value.size() == 1 && sub.isTextual()) {
            return sub.textValue();
        }
        throw new IllegalStateException(where + " must be a string or !Sub of a string, found " + value);
    }

    private static JsonNode mergeGlobal(JsonNode global, JsonNode local) {
        if (global.isMissingNode()) {
            return local;
        }
        if (local.isMissingNode()) {
            return global;
        }
        if (global.isObject() && local.isObject() && !isIntrinsic(global) && !isIntrinsic(local)) {
            ObjectNode merged = ((ObjectNode) global).deepCopy();
            local.fields().forEachRemaining(e -> merged.set(e.getKey(), mergeGlobal(global.path(e.getKey()), e.getValue())));
            return merged;
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode merged = ((ArrayNode) global).deepCopy();
            merged.addAll((ArrayNode) local);
            return merged;
        }
        return local;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }
}
