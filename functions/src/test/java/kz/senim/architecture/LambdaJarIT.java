package kz.senim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import kz.senim.directory.DirectoryData;
import kz.senim.i18n.Language;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestReceipts;
import kz.senim.testing.TestTables;
import kz.senim.wiring.LambdaJarProbe;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shaded jar that {@code sam deploy} uploads ({@code CodeUri} of every function): it holds what the handlers need
 * at run time and nothing that only tests or the local runner need, and nothing the shade filters took out is missed.
 * Runs after {@code package} (failsafe). {@code BenchIT} (bench module) also runs every function from this jar in a
 * fresh JVM, with its event about a live case, and requires a success.
 */
class LambdaJarIT {

    private static final String JAR = "senim-functions-lambda.jar";
    /** Lambda's limit for a zip uploaded directly; S3 uploads allow 250 MB unzipped. */
    private static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;
    /**
     * Issue 9's target: every cold start reads this jar, and what it holds is what a restore pages in. A change that
     * passes it should slim the jar (SlimLambdaJar, ARCHITECTURE.md "Modules") before it lands, or say why not.
     */
    private static final long SIZE_TARGET = 10_000_000;
    /** SLF4J finds its binding through this service file. */
    private static final String SLF4J_PROVIDERS = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    /**
     * What the jar's classes mention but never need: the SDK's optional CRT integration (a native HTTP client and
     * checksums), which its code probes for before it uses it, and Joda-Time's annotations for Joda-Convert, which the
     * JVM ignores when they are absent.
     */
    private static final List<String> OPTIONAL_ELSEWHERE = List.of("software/amazon/awssdk/crt/",
            "software/amazon/awssdk/crtcore/", "org/joda/convert/");

    private static final Pattern OPERATION_CLASS =
            Pattern.compile("software/amazon/awssdk/services/(\\w+)/model/(\\w+?)(Request|Response)(\\$.*)?");

    private static Path jar;
    private static Set<String> entries;

    @BeforeAll
    static void open_the_jar() throws IOException {
        jar = Stream.of(Path.of("target", JAR), Path.of("functions", "target", JAR))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new AssertionError(JAR + " is missing: run ./mvnw -pl functions package first"));
        entries = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(entries::add);
        }
        System.out.printf("%s: %,d bytes, %,d entries%n", jar.toAbsolutePath(), Files.size(jar), entries.size());
    }

    @Test
    void it_holds_the_class_of_every_handler_the_template_deploys() {
        List<String> handlers = handlerClasses().stream().map(h -> h.replace('.', '/') + ".class").toList();

        assertThat(handlers).isNotEmpty();
        assertThat(entries).containsAll(handlers);
    }

    @Test
    void it_logs_through_lambdas_own_logger_and_holds_the_data_files() throws IOException {
        assertThat(entries).contains(SLF4J_PROVIDERS, "kz/senim/regions/kz-regions.json",
                "kz/senim/directory/organisations.json", "kz/senim/i18n/messages.properties");
        try (JarFile file = new JarFile(jar.toFile())) {
            String providers = new String(file.getInputStream(file.getEntry(SLF4J_PROVIDERS)).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(providers.strip()).isEqualTo("kz.senim.wiring.LambdaLoggerProvider");
        }
    }

    @Test
    void it_holds_no_logging_framework() {
        assertThat(entries).contains("org/slf4j/LoggerFactory.class", "kz/senim/wiring/LambdaLoggerProvider.class")
                .noneMatch(entry -> entry.startsWith("org/apache/logging/") || entry.startsWith("io/burt/jmespath/")
                        || entry.startsWith("software/amazon/lambda/"));
    }

    /** Lambda's runtime decodes the event types it knows with a Jackson module that loads it from the jar by name. */
    @Test
    void it_holds_the_joda_time_the_lambda_runtime_asks_for() {
        assertThat(entries).contains("org/joda/time/DateTime.class", "org/joda/time/tz/data/ZoneInfoMap");
    }

    @Test
    void it_holds_a_message_bundle_for_every_language() {
        for (Language language : Language.values()) {
            if (language != Language.DEFAULT) {
                assertThat(entries).contains("kz/senim/i18n/messages_" + language.code() + ".properties");
            }
        }
    }

    @Test
    void it_holds_no_test_or_local_only_code() {
        List<String> forbidden = List.of(
                "com/amazonaws/services/dynamodbv2/local/", "software/amazon/dynamodb/services/local/",
                "com/almworks/sqlite4java/", "org/junit/", "org/assertj/", "org/mockito/", "org/opentest4j/",
                "kz/senim/testing/", "kz/senim/local/", "kz/senim/handlers/", "kz/senim/architecture/",
                "kz/senim/api/", "kz/senim/infrastructure/", "com/tngtech/archunit/", "com/atlassian/oai/",
                "io/swagger/", "com/amazonaws/services/lambda/runtime/tests/", "events/",
                "software/amazon/awssdk/services/dynamodb/streams/");

        assertThat(entries).contains("kz/senim/intake/SubmitReport.class")
                .noneMatch(entry -> forbidden.stream().anyMatch(entry::startsWith));
        assertThat(entries).noneMatch(entry -> entry.toLowerCase(Locale.ROOT).contains("fauxqs"));
        assertThat(entries).noneMatch(entry -> entry.endsWith(".node") || entry.endsWith("package.json"));
    }

    /**
     * The build takes out what the functions never load (shade filters: event types Senim does not handle,
     * asynchronous clients, the DynamoDB Streams client; then {@code src/lambda/SlimLambdaJar.java}: every class
     * nothing loadable names). So every class a class of the jar names is in the jar or the JDK, but for the optional
     * libraries of {@link #OPTIONAL_ELSEWHERE}, for what the request and response classes of AWS operations Senim
     * never calls name, and for the response classes of those operations themselves: only a call of the operation
     * would load those ({@link #what_names_a_left_out_response_class_links_from_the_jar_alone}).
     */
    @Test
    void every_class_its_classes_name_is_in_it_or_in_the_jdk() throws IOException {
        Map<String, Set<String>> named = named();
        Set<String> called = called(named);
        Map<String, String> missing = new TreeMap<>();
        named.forEach((type, names) -> {
            if (operation(type).filter(op -> !called.contains(op)).isPresent()) {
                return;
            }
            for (String name : names) {
                if (!named.containsKey(name) && !inTheJdk(name) && !leftOutResponse(name, called)
                        && OPTIONAL_ELSEWHERE.stream().noneMatch(name::startsWith)) {
                    missing.putIfAbsent(name, type);
                }
            }
        });

        assertThat(called).contains("dynamodb/TransactWriteItems", "dynamodb/Query", "sns/Publish",
                "kms/GenerateDataKey", "kms/Decrypt");
        assertThat(entries).contains("software/amazon/awssdk/services/dynamodb/model/CancellationReason.class",
                "software/amazon/awssdk/services/dynamodb/model/CreateBackupRequest.class",
                "software/amazon/awssdk/services/dynamodb/model/QueryResponse.class",
                "software/amazon/awssdk/services/kms/model/DecryptResponse.class",
                "software/amazon/awssdk/services/sns/model/PublishResponse.class")
                .doesNotContain("software/amazon/awssdk/services/dynamodb/model/BackupDescription.class",
                        "software/amazon/awssdk/services/dynamodb/model/CreateBackupResponse.class",
                        "software/amazon/awssdk/services/kms/model/EncryptResponse.class",
                        "software/amazon/awssdk/services/sns/model/ListTopicsResponse.class");
        assertThat(missing).as("classes named in the jar (and one class naming each) but not in it").isEmpty();
    }

    /**
     * The response classes of the operations Senim never calls are left out, though each client, its paginators and
     * its waiters name them: where they do, the JVM's verifier loads nothing (a cast of what a call returned, a method
     * reference resolved when the call runs). Linking (and so verifying) every class of the jar that names one, from
     * the jar alone, shows it: a class the verifier needed would fail the link with a {@code NoClassDefFoundError}.
     */
    @Test
    void what_names_a_left_out_response_class_links_from_the_jar_alone() throws Exception {
        Map<String, Set<String>> named = named();
        Set<String> called = called(named);
        Set<String> naming = new TreeSet<>();
        named.forEach((type, names) -> {
            if (operation(type).filter(op -> !called.contains(op)).isEmpty()
                    && names.stream().anyMatch(name -> !named.containsKey(name) && leftOutResponse(name, called))) {
                naming.add(type.replace('/', '.'));
            }
        });
        Map<String, String> failures = new TreeMap<>();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String type : naming) {
                try {
                    Class.forName(type, false, alone).getDeclaredConstructors();
                } catch (LinkageError failure) {
                    failures.put(type, failure.toString());
                }
            }
            for (String client : List.of("dynamodb.DefaultDynamoDbClient", "sns.DefaultSnsClient",
                    "kms.DefaultKmsClient")) {
                assertThat(Class.forName("software.amazon.awssdk.services." + client, true, alone).getClassLoader())
                        .isSameAs(alone);
            }
        }

        assertThat(naming).contains("software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient",
                "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
                "software.amazon.awssdk.services.sns.DefaultSnsClient",
                "software.amazon.awssdk.services.kms.DefaultKmsClient",
                "software.amazon.awssdk.services.kms.paginators.ListKeysIterable",
                "software.amazon.awssdk.services.dynamodb.waiters.DefaultDynamoDbWaiter");
        assertThat(failures).as("classes naming a left-out response class that do not link from the jar alone")
                .isEmpty();
    }

    /**
     * From the jar alone: the function's clients built (DynamoDB, SNS, KMS) and primed, every call Senim makes run
     * through the SDK's whole request path (answered by {@code Priming}'s stand-in); a call of an operation Senim never
     * makes fails at the call, naming a left-out class of that operation, and leaves the client working.
     */
    @Test
    void its_clients_prime_from_the_jar_alone_and_an_unused_operation_fails_only_when_called() throws Exception {
        Map<String, String> settings = Map.of(Wiring.AWS_REGION, "eu-central-1", Wiring.CASES_TABLE, "senim-cases",
                Wiring.DIRECTORY_TABLE, "senim-directory",
                Wiring.ALERT_TOPIC_ARN_PREFIX, "arn:aws:sns:eu-central-1:000000000000:senim-alerts-");
        List<String> primed;
        Map<String, String> calls;
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = MethodHandles.privateLookupIn(alone.loadClass(Wiring.class.getName()),
                    MethodHandles.lookup()).defineClass(classFile(LambdaJarProbe.class));
            assertThat(probe.getClassLoader()).isSameAs(alone);
            primed = castList(probe.getMethod("prime", Map.class).invoke(null, settings));
            calls = castMap(probe.getMethod("unusedOperations").invoke(null));
        }

        assertThat(primed).containsExactly("json", "crypto", "dynamodb", "sns", "kms", "dynamodb:GetItem",
                "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems",
                "dynamodb:BatchGetItem", "dynamodb:DeleteItem", "sns:Publish", "kms:GenerateDataKey", "kms:Decrypt");
        assertThat(calls).containsOnlyKeys("dynamodb:ListTables", "dynamodb:GetItem", "sns:ListTopics", "sns:Publish",
                        "kms:ListKeys", "kms:GenerateDataKey")
                .containsEntry("dynamodb:GetItem", "answered").containsEntry("sns:Publish", "answered")
                .containsEntry("kms:GenerateDataKey", "answered");
        for (String unused : List.of("dynamodb:ListTables", "sns:ListTopics", "kms:ListKeys")) {
            String operation = "software/amazon/awssdk/services/" + unused.replace(":", "/model/");
            assertThat(entries).contains(operation + "Request.class").doesNotContain(operation + "Response.class");
            assertThat(calls.get(unused)).as(unused).matches("NoClassDefFoundError " + Pattern.quote(operation)
                    + "(Request|Response)\\$?\\w*").satisfies(missing -> assertThat(entries)
                    .doesNotContain(missing.substring("NoClassDefFoundError ".length()) + ".class"));
        }
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            assertThat(in).as(type.getName()).isNotNull();
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object map) {
        return (Map<String, String>) map;
    }

    /** What each class of the jar names ({@code kz/senim/intake/SubmitReport} to the classes it names). */
    private static Map<String, Set<String>> named() throws IOException {
        Map<String, Set<String>> named = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : entries) {
                if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                    named.put(entry.substring(0, entry.length() - ".class".length()),
                            ClassReferences.of(file.getInputStream(file.getEntry(entry)).readAllBytes()));
                }
            }
        }
        return named;
    }

    /** The AWS operations Senim's own classes name ({@code dynamodb/GetItem}). */
    private static Set<String> called(Map<String, Set<String>> named) {
        Set<String> called = new TreeSet<>();
        named.forEach((type, names) -> {
            if (type.startsWith("kz/senim/")) {
                names.stream().map(LambdaJarIT::operation).flatMap(Optional::stream).forEach(called::add);
            }
        });
        return called;
    }

    /** Whether a class is the response class (or a nested class of one) of an operation Senim never calls. */
    private static boolean leftOutResponse(String type, Set<String> called) {
        Matcher matcher = OPERATION_CLASS.matcher(type);
        return matcher.matches() && matcher.group(3).equals("Response")
                && operation(type).filter(op -> !called.contains(op)).isPresent();
    }

    /** {@code dynamodb/GetItem} for the request or response class (or a nested class of one) of an AWS operation. */
    private static Optional<String> operation(String type) {
        Matcher matcher = OPERATION_CLASS.matcher(type);
        return matcher.matches() && entries.contains("software/amazon/awssdk/services/" + matcher.group(1)
                + "/transform/" + matcher.group(2) + "RequestMarshaller.class")
                ? Optional.of(matcher.group(1) + "/" + matcher.group(2)) : Optional.empty();
    }

    /**
     * Every handler of the template from the jar alone (a class loader that sees the JDK and the jar, nothing of this
     * build), made as the local runner makes it (its {@code Wiring} constructor, against DynamoDB Local); its handler
     * test's event decoded as the Lambda runtime decodes it; and invoked once, but for the functions that call SNS or
     * answer CloudFormation: nothing it loads is missing.
     */
    @Test
    @ExtendWith(DynamoDbLocalExtension.class)
    void every_handler_loads_from_the_jar_alone_and_answers_an_event(DynamoDbEngine engine) throws Exception {
        TestTables tables = TestTables.create(engine);
        Map<String, String> settings = new HashMap<>(Map.of(Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory(), Wiring.AWS_REGION, engine.region().id(),
                Wiring.ALERT_TOPIC_ARN_PREFIX, "arn:aws:sns:" + engine.region().id() + ":000000000000:senim-alerts-",
                Wiring.PUBLIC_BASE_URL, "https://ack.example.kz",
                Wiring.ACK_LINK_SECRET, Base64.getEncoder().encodeToString(new byte[32]),
                Wiring.CONTENT_KEK, TestContent.KEK, Wiring.RECEIPT_KEYS, TestReceipts.KEYS,
                Wiring.CASE_KEYS_TABLE, tables.caseKeys()));
        LocalWiring.against(engine, null, settings, Clock.systemUTC()).directorySeeder().seed(DirectoryData.seed());
        Map<String, String> answers = new TreeMap<>();
        Set<String> decodedOnly = Set.of("AlertDispatcherFunction", "SweepAlertsFunction", "DirectorySeedFunction");

        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> wiringType = alone.loadClass(Wiring.class.getName());
            Object wiring = wiringType.getConstructor(Function.class, Clock.class)
                    .newInstance((Function<String, String>) settings::get, Clock.systemUTC());
            String previous = System.setProperty(LocalWiring.DYNAMODB_ENDPOINT, engine.endpoint().toString());
            try {
                wiringType.getMethod("dynamoDb").invoke(wiring);
            } finally {
                if (previous == null) {
                    System.clearProperty(LocalWiring.DYNAMODB_ENDPOINT);
                } else {
                    System.setProperty(LocalWiring.DYNAMODB_ENDPOINT, previous);
                }
            }
            for (SamTemplate.Function function : SamTemplate.load().functions()) {
                Class<?> handlerType = Class.forName(function.handler().replaceFirst("::.*$", ""), true, alone);
                assertThat(handlerType.getClassLoader()).isSameAs(alone);
                assertThat(handlerType.getConstructor()).isNotNull();
                Object handler = handlerType.getConstructor(wiringType).newInstance(wiring);
                String fixture = fixture(function.logicalId());
                Object event = decode(handler, fixture, alone);
                answers.put(function.logicalId(), decodedOnly.contains(function.logicalId())
                        ? "decoded " + event.getClass().getSimpleName() : invoke(handler, event, alone));
            }
        }

        assertThat(answers).containsEntry("SubmitReportFunction", "HTTP 201").containsEntry("RegionsFunction", "HTTP 200")
                .containsEntry("AlertDispatcherFunction", "decoded DynamodbEvent")
                .containsEntry("DirectorySeedFunction", "decoded CloudFormationCustomResourceEvent")
                .hasSameSizeAs(SamTemplate.load().functions())
                .allSatisfy((function, answer) -> assertThat(answer).as(function).doesNotStartWith("HTTP 5"));
    }

    private static String fixture(String logicalId) {
        Map<String, String> fixtures = Map.ofEntries(Map.entry("SubmitReportFunction", "apigw-v2-submit-report.json"),
                Map.entry("ReportStatusFunction", "apigw-v2-report-status.json"),
                Map.entry("RegionsFunction", "apigw-v2-regions.json"),
                Map.entry("AlertDispatcherFunction", "dynamodb-stream-cases.json"),
                Map.entry("SweepAlertsFunction", "eventbridge-escalate-alerts.json"),
                Map.entry("DirectorySeedFunction", "cfn-directory-seed-create.json"),
                Map.entry("CaseQueueFunction", "apigw-v2-case-queue.json"),
                Map.entry("ReadCaseFunction", "apigw-v2-read-case.json"),
                Map.entry("AssignCaseFunction", "apigw-v2-assign-case.json"),
                Map.entry("ChangeCaseStatusFunction", "apigw-v2-case-transition.json"),
                Map.entry("CaseAuditFunction", "apigw-v2-case-audit.json"),
                Map.entry("AcknowledgeAlertFunction", "apigw-v2-ack-alert.json"),
                Map.entry("AcknowledgementLinkFunction", "apigw-v2-ack-link-get.json"),
                Map.entry("ReferToServiceFunction", "apigw-v2-refer-to-service.json"),
                Map.entry("ProviderReferralsFunction", "apigw-v2-provider-referrals.json"),
                Map.entry("ChangeReferralStatusFunction", "apigw-v2-referral-status.json"),
                Map.entry("PostCaseMessageFunction", "apigw-v2-post-case-message.json"),
                Map.entry("ReporterMessagesFunction", "apigw-v2-reporter-messages.json"),
                Map.entry("ReporterReplyFunction", "apigw-v2-reporter-reply.json"),
                Map.entry("MeFunction", "apigw-v2-me.json"),
                Map.entry("PeopleFunction", "apigw-v2-people.json"),
                Map.entry("ProvidersFunction", "apigw-v2-providers.json"),
                Map.entry("OverviewFunction", "apigw-v2-overview.json"),
                Map.entry("EscalateAlertsFunction", "eventbridge-escalate-alerts.json"),
                Map.entry("PostAuthenticationFunction", "cognito-post-authentication.json"),
                Map.entry("WithdrawReportFunction", "apigw-v2-withdraw-report.json"),
                Map.entry("EraseDueContentFunction", "eventbridge-escalate-alerts.json"));
        assertThat(fixtures).as("an event for " + logicalId).containsKey(logicalId);
        return "events/" + fixtures.get(logicalId);
    }

    /** The fixture decoded into the handler's event type of the jar, as the Lambda runtime decodes it. */
    private static Object decode(Object handler, String fixture, ClassLoader loader) throws Exception {
        try (InputStream event = LambdaJarIT.class.getClassLoader().getResourceAsStream(fixture)) {
            assertThat(event).as(fixture).isNotNull();
            return serializerFor(eventType(handler.getClass(), loader), loader)
                    .fromJson(new ByteArrayInputStream(event.readAllBytes()));
        }
    }

    /** One invocation as the Lambda runtime makes it; what it answered ({@code HTTP 201}, or the answer's class). */
    private static String invoke(Object handler, Object event, ClassLoader loader) throws Exception {
        Class<?> contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
        Object context = Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getAwsRequestId" -> "lambda-jar-it";
                    case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 60_000;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "LambdaJarIT context";
                    default -> null;
                });
        Method handle = handler.getClass().getMethod("handleRequest", Object.class, contextType);
        Object answer = handle.invoke(handler, event, context);
        if (answer == null) {
            return "no answer";
        }
        serializerFor(answer.getClass(), loader).toJson(answer, new ByteArrayOutputStream());
        if (answer.getClass().getSimpleName().equals("APIGatewayV2HTTPResponse")) {
            return "HTTP " + answer.getClass().getMethod("getStatusCode").invoke(answer);
        }
        return answer.getClass().getSimpleName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PojoSerializer<Object> serializerFor(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer) JacksonFactory.getInstance().getSerializer(type);
    }

    /** {@code I} of the handler's {@code RequestHandler<I, O>}, as the runtime finds it. */
    private static Class<?> eventType(Class<?> handlerType, ClassLoader loader) throws ClassNotFoundException {
        Class<?> requestHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
        for (Type type : handlerType.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == requestHandler) {
                Type event = parameterized.getActualTypeArguments()[0];
                return event instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) event;
            }
        }
        throw new AssertionError(handlerType + " is no RequestHandler");
    }

    private static List<String> handlerClasses() {
        return SamTemplate.load().functions().stream().map(f -> f.handler().replaceFirst("::.*$", "")).toList();
    }

    private static boolean inTheJdk(String internalName) {
        try {
            Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Test
    void it_can_be_uploaded_to_lambda_directly() throws IOException {
        assertThat(Files.size(jar)).isLessThan(DIRECT_UPLOAD_LIMIT);
    }

    @Test
    void it_stays_within_ten_megabytes() throws IOException {
        assertThat(Files.size(jar)).as("bytes of " + JAR).isLessThanOrEqualTo(SIZE_TARGET);
    }
}
