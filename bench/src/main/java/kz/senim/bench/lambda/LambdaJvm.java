package kz.senim.bench.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The main class of the JVMs the bench starts beside the Lambda jar, with a function's environment (its
 * {@code JAVA_TOOL_OPTIONS} included, as Lambda applies them). It loads nothing of the bench but this package, so
 * the JVM holds what a Lambda execution environment holds: the Lambda jar and the runtime's event serialization.
 *
 * <pre>
 * handler HANDLER_CLASS EVENT_FILE RESULT_FILE
 *     a cold start: the handler made by its public no-arg constructor, as the Lambda runtime makes it, then one
 *     invocation: the event decoded by the runtime's serializer, handleRequest, the answer encoded
 * warm HANDLER_CLASS EVENT_FILE RESULT_FILE WARMUPS INVOKES PLACEHOLDER
 *     WARMUPS invocations, then INVOKES timed ones; PLACEHOLDER in the event is a fresh UUID each time
 * bare CALL_FILE RESULT_FILE
 *     no handler: the SDK clients built as Wiring builds them, then one call (see {@link #bare})
 * </pre>
 *
 * <p>Times are written as epoch microseconds; the bench took the time just before it started this JVM.
 */
public final class LambdaJvm {

    private LambdaJvm() {
    }

    public static void main(String[] args) throws Exception {
        Properties result = new Properties();
        result.setProperty("enteredAt", micros(Instant.now()));
        Path resultFile = Path.of(args[0].equals("bare") ? args[2] : args[3]);
        int exit = 0;
        try {
            switch (args[0]) {
                case "handler" -> handler(args[1], Path.of(args[2]), result);
                case "warm" -> warm(args[1], Path.of(args[2]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                        args[6], result);
                case "bare" -> bare(load(Path.of(args[1])), result);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (Throwable failed) {
            result.setProperty("ok", "false");
            result.setProperty("error", failed.getClass().getName());
            StringWriter trace = new StringWriter();
            failed.printStackTrace(new PrintWriter(trace));
            System.err.println(trace);
            exit = 1;
        }
        try (OutputStream out = Files.newOutputStream(resultFile)) {
            result.store(out, null);
        }
        System.out.flush();
        System.exit(exit);
    }

    private static void handler(String handlerClass, Path eventFile, Properties result) throws Exception {
        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        result.setProperty("constructedAt", micros(Instant.now()));
        byte[] event = Files.readAllBytes(eventFile);
        Invocation invocation = new Invocation(handler);
        Object answer = invocation.invoke(event);
        result.setProperty("invokedAt", micros(Instant.now()));
        result.setProperty("outcome", outcome(answer));
        result.setProperty("ok", Boolean.toString(ok(answer)));
        if (!ok(answer) && answer instanceof APIGatewayV2HTTPResponse response && response.getBody() != null) {
            result.setProperty("body", response.getBody());
        }
    }

    private static void warm(String handlerClass, Path eventFile, int warmups, int invokes, String placeholder,
                             Properties result) throws Exception {
        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        String event = Files.readString(eventFile);
        Invocation invocation = new Invocation(handler);
        StringJoiner durations = new StringJoiner(",");
        int failures = 0;
        for (int i = 0; i < warmups + invokes; i++) {
            byte[] bytes = event.replace(placeholder, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            Object answer = invocation.invoke(bytes);
            long took = System.nanoTime() - start;
            if (!ok(answer)) {
                failures++;
                result.putIfAbsent("outcome", outcome(answer));
            }
            if (i >= warmups) {
                durations.add(Long.toString(took));
            }
        }
        result.setProperty("durationsNanos", durations.toString());
        result.setProperty("failures", Integer.toString(failures));
        result.setProperty("ok", Boolean.toString(failures == 0));
    }

    /**
     * The SDK clients of {@code clients} (dynamodb, sns) built as Wiring builds them (region from AWS_REGION, the
     * URL-connection HTTP client, the endpoint from the SDK's standard settings), then the {@code call}: get, query,
     * transact, update-publish or none.
     */
    private static void bare(Properties call, Properties result) {
        List<String> clients = List.of(call.getProperty("clients", "").split(","));
        Region region = Region.of(System.getenv("AWS_REGION"));
        DynamoDbClient dynamoDb = clients.contains("dynamodb")
                ? DynamoDbClient.builder().region(region).httpClient(UrlConnectionHttpClient.create()).build() : null;
        SnsClient sns = clients.contains("sns")
                ? SnsClient.builder().region(region).httpClient(UrlConnectionHttpClient.create()).build() : null;
        result.setProperty("constructedAt", micros(Instant.now()));
        String table = call.getProperty("table");
        switch (call.getProperty("call")) {
            case "none" -> {
            }
            case "get" -> dynamoDb.getItem(r -> r.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS(call.getProperty("pk")),
                    "sk", AttributeValue.fromS(call.getProperty("sk")))));
            case "query" -> {
                QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("#key = :value")
                        .expressionAttributeNames(Map.of("#key", call.getProperty("keyAttribute")))
                        .expressionAttributeValues(Map.of(":value", AttributeValue.fromS(call.getProperty("keyValue"))))
                        .limit(Integer.parseInt(call.getProperty("limit")));
                if (call.getProperty("index") != null) {
                    query.indexName(call.getProperty("index"));
                }
                dynamoDb.query(query.build());
            }
            case "transact" -> {
                List<TransactWriteItem> writes = new ArrayList<>();
                for (int i = 0; call.getProperty("item." + i) != null; i++) {
                    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(decodeItem(call.getProperty("item." + i)))
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", "pk"))
                            .build()).build());
                }
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            }
            case "update-publish" -> {
                dynamoDb.updateItem(r -> r.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(call.getProperty("pk")),
                                "sk", AttributeValue.fromS(call.getProperty("sk"))))
                        .updateExpression("SET #claimedUntil = :until")
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", "pk", "#claimedUntil", "claimedUntil"))
                        .expressionAttributeValues(Map.of(":until",
                                AttributeValue.fromN(Long.toString(System.currentTimeMillis() + 60_000)))));
                sns.publish(r -> r.topicArn(call.getProperty("topicArn")).message(call.getProperty("message")));
            }
            default -> throw new IllegalArgumentException("unknown call " + call.getProperty("call"));
        }
        result.setProperty("invokedAt", micros(Instant.now()));
        result.setProperty("outcome", call.getProperty("call"));
        result.setProperty("ok", "true");
    }

    /** An item as {@code name:TYPE:value;...}, values base64 (SS: base64 values joined by commas). */
    public static String encodeItem(Map<String, AttributeValue> item) {
        StringJoiner attributes = new StringJoiner(";");
        item.forEach((name, value) -> {
            String encoded;
            String type;
            if (value.s() != null) {
                type = "S";
                encoded = base64(value.s());
            } else if (value.n() != null) {
                type = "N";
                encoded = base64(value.n());
            } else if (value.bool() != null) {
                type = "BOOL";
                encoded = base64(value.bool().toString());
            } else if (value.hasSs()) {
                type = "SS";
                StringJoiner values = new StringJoiner(",");
                value.ss().forEach(s -> values.add(base64(s)));
                encoded = values.toString();
            } else {
                throw new IllegalArgumentException("attribute " + name + " has a type the bench does not copy: " + value);
            }
            attributes.add(base64(name) + ":" + type + ":" + encoded);
        });
        return attributes.toString();
    }

    static Map<String, AttributeValue> decodeItem(String encoded) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (String attribute : encoded.split(";")) {
            String[] parts = attribute.split(":", 3);
            String name = unbase64(parts[0]);
            AttributeValue value = switch (parts[1]) {
                case "S" -> AttributeValue.fromS(unbase64(parts[2]));
                case "N" -> AttributeValue.fromN(unbase64(parts[2]));
                case "BOOL" -> AttributeValue.fromBool(Boolean.parseBoolean(unbase64(parts[2])));
                case "SS" -> {
                    List<String> values = new ArrayList<>();
                    for (String s : parts[2].split(",")) {
                        values.add(unbase64(s));
                    }
                    yield AttributeValue.fromSs(values);
                }
                default -> throw new IllegalArgumentException("type " + parts[1]);
            };
            item.put(name, value);
        }
        return item;
    }

    /** One invocation as the Lambda runtime does it: decode the event, call the handler, encode its answer. */
    private static final class Invocation {

        private final RequestHandler<Object, Object> handler;
        private final PojoSerializer<Object> events;
        private final BenchContext context;

        @SuppressWarnings("unchecked")
        Invocation(Object handler) {
            this.handler = (RequestHandler<Object, Object>) handler;
            this.events = serializerFor(eventType(handler.getClass()));
            this.context = new BenchContext(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "bench"),
                    Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")));
        }

        Object invoke(byte[] event) {
            Object decoded = events.fromJson(new ByteArrayInputStream(event));
            Object answer = handler.handleRequest(decoded, context.next());
            if (answer != null) {
                serializerFor(answer.getClass()).toJson(answer, new ByteArrayOutputStream());
            }
            return answer;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PojoSerializer<Object> serializerFor(Class<?> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer) LambdaEventSerializers.serializerFor(type, LambdaJvm.class.getClassLoader());
        }
        return (PojoSerializer) JacksonFactory.getInstance().getSerializer(type);
    }

    /** The event class {@code I} of {@code RequestHandler<I, O>}, as the runtime finds it. */
    private static Class<?> eventType(Class<?> handlerClass) {
        for (Type type : handlerClass.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> event) {
                return event;
            }
        }
        throw new IllegalArgumentException(handlerClass.getName() + " does not implement RequestHandler<I, O>");
    }

    private static boolean ok(Object answer) {
        return switch (answer) {
            case APIGatewayV2HTTPResponse response -> response.getStatusCode() >= 200 && response.getStatusCode() < 300;
            case StreamsEventResponse response -> response.getBatchItemFailures() == null
                    || response.getBatchItemFailures().isEmpty();
            case String text -> !text.equals("FAILED");
            case null -> true;
            default -> true;
        };
    }

    private static String outcome(Object answer) {
        return switch (answer) {
            case APIGatewayV2HTTPResponse response -> "HTTP " + response.getStatusCode();
            case StreamsEventResponse response -> (response.getBatchItemFailures() == null ? 0
                    : response.getBatchItemFailures().size()) + " failed records";
            case String text -> text;
            case null -> "no answer";
            default -> "returned a " + answer.getClass().getSimpleName();
        };
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
