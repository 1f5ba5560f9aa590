package kz.senim.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.senim.alerting.AlertPublisher;
import kz.senim.alerting.schedule.EmbeddedMetrics;
import kz.senim.alerting.schedule.SweepAlertsHandler;
import kz.senim.alerting.stream.AlertDispatcherHandler;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;
import kz.senim.directory.seed.DirectorySeedHandler;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.EmbeddedDynamoDb;
import kz.senim.local.engines.SnsEmulator;
import kz.senim.local.engines.streams.DynamoDbStreamPoller;
import kz.senim.people.RecordSignIn;
import kz.senim.people.cognito.PostAuthenticationHandler;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;

/**
 * Senim on one machine, in one process, without Docker or an AWS account: DynamoDB Local in-process (on disk or in
 * memory) with the tables of {@code infrastructure/template.yaml}, the directory seeded, the same Lambda handler
 * classes behind an HTTP gateway that speaks API Gateway HTTP API v2, the cases table's stream feeding the alert
 * dispatcher, and alerts in an on-call inbox ({@code GET /local/alerts}) or on an SNS endpoint.
 *
 * <pre>./mvnw -q -B -pl local/runner exec:java -Dexec.args="--port 8080"</pre>
 *
 * <p>The functions reach the engines through the AWS SDK's standard endpoint settings ({@link SdkSettings}), which
 * are JVM-wide: one SenimLocal per JVM at a time.
 */
public final class SenimLocal implements AutoCloseable {

    /** The region the functions are configured with (the region the stack is deployed to). */
    public static final String REGION = "eu-central-1";
    /** Topic names are this plus the organisation id, as in the template ({@code ${AWS::StackName}-alerts-}). */
    public static final String TOPIC_PREFIX = Deployment.STACK_NAME + "-alerts-";
    /** Where the staff console is served; alerts and the acknowledgement page link to cases under it. */
    public static final String CONSOLE_PATH = "/console/";
    private static final Logger LOG = LoggerFactory.getLogger(SenimLocal.class);
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    private final Options options;
    private final Clock clock;
    private final boolean timers;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedDynamoDb dynamoDb;
    private URI snsEndpoint;
    private OnCallInbox inbox;
    private HttpGateway gateway;
    private final Map<String, String> tables = new LinkedHashMap<>();
    private Set<String> organisations = Set.of();
    private List<String> schedules = List.of();
    private Deployment deployment;

    private SenimLocal(Options options, Clock clock, boolean timers) {
        this.options = options;
        this.clock = clock;
        this.timers = timers;
    }

    /**
     * Starts everything on the system clock and returns once the HTTP gateway listens; scheduled functions run on
     * their schedules.
     *
     * @throws IllegalStateException if another SenimLocal runs in this JVM, or the template cannot be run locally
     */
    public static SenimLocal start(Options options) {
        return start(options, Clock.systemUTC(), true);
    }

    /**
     * Starts everything on a clock the caller moves (tests of what happens as time passes: escalation, expiry). Every
     * function's {@link Wiring}, the token issuer and the gateway read {@code clock}; scheduled functions run only when
     * asked ({@code POST /local/schedules/<function>}), since their timers could not follow such a clock.
     *
     * @throws IllegalStateException if another SenimLocal runs in this JVM, or the template cannot be run locally
     */
    public static SenimLocal start(Options options, Clock clock) {
        return start(options, clock, false);
    }

    private static SenimLocal start(Options options, Clock clock, boolean timers) {
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("a SenimLocal already runs in this JVM (the AWS SDK settings it uses are"
                    + " JVM-wide): close it first");
        }
        JulBridge.install();
        SenimLocal senim = new SenimLocal(options, clock, timers);
        try {
            senim.startAll();
            return senim;
        } catch (IOException e) {
            senim.close();
            throw new UncheckedIOException("the HTTP gateway could not listen on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            senim.close();
            throw e;
        }
    }

    private void startAll() throws IOException {
        gateway = HttpGateway.bind(options.host(), options.port(), clock); // closed first of all by close()
        if (!gateway.loopbackOnly()) {
            if (!options.unsafeExpose()) { // e.g. a "localhost" that this machine resolves to another address
                throw new IllegalStateException("--host " + options.host() + " is " + gateway.address()
                        + ", reachable from other machines: add --unsafe-expose to do it anyway");
            }
            LOG.warn(exposedWarning());
        }
        if (options.dataDir().isPresent()) {
            resources.push(DataDirLock.lock(options.dataDir().get()));
            resources.push(LocalDatabase.compactedOnClose(options.dataDir().get())); // once DynamoDB Local stopped
        }
        dynamoDb = options.dataDir().map(EmbeddedDynamoDb::inDirectory).orElseGet(EmbeddedDynamoDb::inMemory);
        resources.push(dynamoDb);
        if (options.snsEmulator()) {
            SnsEmulator emulator = SnsEmulator.start();
            resources.push(emulator);
            snsEndpoint = emulator.endpoint();
        } else {
            snsEndpoint = options.snsEndpoint().orElse(null);
        }
        resources.push(SdkSettings.apply(dynamoDb.endpoint(), snsEndpoint));

        SamTemplate template = SamTemplate.load();
        Deployment deployment = new Deployment(template, REGION, HttpApiEvents.ACCOUNT_ID, Map.of(
                "ACK_LINK_SECRET_ARN", Map.of("ACK_LINK_SECRET", LocalSecrets.ackLinkKey(options.dataDir())),
                "RECEIPT_KEY_SECRET_ARN", Map.of("RECEIPT_KEYS", LocalSecrets.receiptKeys(options.dataDir())),
                "CONTENT_KEY_ARN", Map.of("CONTENT_KEK", LocalSecrets.contentKek(options.dataDir())),
                "PUBLIC_BASE_URL", Map.of("PUBLIC_BASE_URL", publicUrl()),
                "CONSOLE_BASE_URL", Map.of("CONSOLE_BASE_URL", publicUrl() + CONSOLE_PATH)));
        createTables(template, deployment);
        options.dataDir().ifPresent(OwnerOnly::filesIn);
        deployment = seedDirectory(template, deployment);
        this.deployment = deployment;
        inbox = new OnCallInbox(TOPIC_PREFIX);

        List<HttpRoute> routes = new ArrayList<>();
        Map<String, ScheduledFunction> scheduled = new LinkedHashMap<>();
        for (SamTemplate.Function function : template.functions()) {
            String handlerClass = function.handler().split("::", 2)[0];
            if (!function.routes().isEmpty()) {
                LambdaFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> http = new LambdaFunction<>(
                        deployment, function.logicalId(), handlerClass, LambdaFunction.byWiringConstructor(handlerClass),
                        clock);
                resources.push(http);
                http.warmUp();
                for (SamTemplate.HttpRoute route : function.routes()) {
                    Optional<String> authorizer = template.authorizer(route);
                    authorizer.ifPresent(name -> requireJwtAuthorizer(template, name));
                    Optional<RouteThrottle> throttle = options.throttle()
                            ? template.throttle(route).map(limits -> new RouteThrottle(limits, clock))
                            : Optional.empty();
                    routes.add(new HttpRoute(route.method(), route.path(), authorizer, throttle, http));
                }
            }
            List<DynamoDbEventSource> streams = DynamoDbEventSource.of(template, function.logicalId());
            if (!streams.isEmpty()) {
                LambdaFunction<DynamodbEvent, StreamsEventResponse> consumer = new LambdaFunction<>(
                        deployment, function.logicalId(), handlerClass, handler(handlerClass), clock);
                resources.push(consumer);
                consumer.warmUp();
                for (DynamoDbEventSource source : streams) {
                    resources.push(DynamoDbStreamPoller.start(dynamoDb.client(), dynamoDb.streamsClient(),
                            deployment.tableName(source.tableLogicalId()), source.settings(),
                            source.consumer(consumer)));
                }
            }
            List<ScheduledFunction.Schedule> schedules = ScheduledFunction.schedulesOf(template, function.logicalId());
            if (!schedules.isEmpty()) {
                LambdaFunction<Map<String, Object>, Object> timed = new LambdaFunction<>(deployment, function.logicalId(),
                        handlerClass, handler(handlerClass), clock);
                resources.push(timed);
                timed.warmUp();
                ScheduledFunction schedule = new ScheduledFunction(timed, schedules, deployment, clock);
                resources.push(schedule);
                if (timers) {
                    schedule.start();
                }
                scheduled.put(function.logicalId(), schedule);
            }
        }
        this.schedules = List.copyOf(scheduled.keySet());
        People people = People.load().requireOrganisations(organisations);
        recordPeople(template, deployment, people);
        LocalJwt jwt = routes.stream().anyMatch(r -> r.authorizer().isPresent())
                ? new LocalJwt(LocalJwt.ISSUER, LocalSecrets.jwtSigningKey(options.dataDir()), clock) : null;
        gateway.start(routes, gateway.loopbackOnly() ? new LocalEndpoints(inbox, jwt, people, scheduled) : null, jwt);
    }

    /** What a runner reachable from other machines tells whoever started it. */
    private String exposedWarning() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "UNSAFE: Senim listens on " + host + ":" + port() + " (--unsafe-expose), reachable from other machines:"
                + " anyone who reaches it can submit reports, which page the on-call organisations. Use it only on a"
                + " network you trust. " + LocalEndpoints.PREFIX + "* (sign-in tokens, people, the on-call inbox,"
                + " schedules) is closed, so nobody can sign in to the staff routes.";
    }

    /** The HTTP API's authorizers must be JWT authorizers: the runner has no Lambda authorizers. */
    private static void requireJwtAuthorizer(SamTemplate template, String name) {
        boolean jwt = template.resources("AWS::Serverless::HttpApi").values().stream()
                .map(api -> api.path("Properties").path("Auth").path("Authorizers").path(name))
                .anyMatch(authorizer -> authorizer.has("JwtConfiguration"))
                || template.document().path("Globals").path("HttpApi").path("Auth").path("Authorizers").path(name)
                .has("JwtConfiguration");
        if (!jwt) {
            throw new IllegalStateException("authorizer " + name + " is not a JWT authorizer of an HttpApi; the local"
                    + " runner checks JWT authorizers only");
        }
    }

    /** Where the API is reached from this machine (the alerts' acknowledgement links point here). */
    private String publicUrl() {
        String host = options.host();
        boolean local = host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("localhost")
                || host.equals("::1") || host.equals("::");
        return "http://" + (local ? "localhost" : host.contains(":") ? "[" + host + "]" : host) + ":" + gateway.port();
    }

    /**
     * The alert dispatcher and the sweeper publish to the inbox when there is no SNS endpoint, and with one to SNS,
     * keeping in the inbox what was sent; everything else as deployed.
     */
    private <I, O> Function<Wiring, RequestHandler<I, O>> handler(String handlerClass) {
        OnCallInbox alerts = inbox;
        boolean toSns = snsEndpoint != null;
        Function<Wiring, AlertPublisher> publisher = wiring -> toSns ? alerts.recording(wiring.alertPublisher()) : alerts;
        Function<Wiring, ?> toInbox = null;
        if (handlerClass.equals(AlertDispatcherHandler.class.getName())) {
            toInbox = wiring -> new AlertDispatcherHandler(wiring.dispatchAlerts(publisher.apply(wiring)));
        } else if (handlerClass.equals(SweepAlertsHandler.class.getName())) {
            toInbox = wiring -> new SweepAlertsHandler(wiring.sweepAlerts(publisher.apply(wiring)),
                    new EmbeddedMetrics(wiring.metricsNamespace(), System.out, clock));
        }
        if (toInbox == null) {
            return LambdaFunction.byWiringConstructor(handlerClass);
        }
        Function<Wiring, ?> made = toInbox;
        @SuppressWarnings("unchecked")
        Function<Wiring, RequestHandler<I, O>> typed = wiring -> (RequestHandler<I, O>) made.apply(wiring);
        return typed;
    }

    /** The tables of the template (kept if they exist: a persisted engine is reopened), with their TTL. */
    private void createTables(SamTemplate template, Deployment deployment) {
        List<CreateTableRequest> requests = template.tables(deployment::tableName);
        dynamoDb.createTables(requests);
        requests.forEach(this::addMissingIndexes);
        for (String logicalId : template.resources(SamTemplate.TABLE_TYPE).keySet()) {
            String name = deployment.tableName(logicalId);
            tables.put(logicalId, name);
            template.ttlAttribute(logicalId).ifPresent(attribute -> dynamoDb.enableTtl(name, attribute));
        }
    }

    /**
     * A data directory made by an older Senim lacks the indexes added since (as a deploy adds them to the stack's
     * table): they are created, and waited for.
     */
    private void addMissingIndexes(CreateTableRequest table) {
        DynamoDbClient client = dynamoDb.client();
        Set<String> existing = client.describeTable(r -> r.tableName(table.tableName())).table()
                .globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
            if (existing.contains(index.indexName())) {
                continue;
            }
            client.updateTable(r -> r.tableName(table.tableName())
                    .attributeDefinitions(table.attributeDefinitions())
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(index.indexName())
                                    .keySchema(index.keySchema())
                                    .projection(index.projection())
                                    .build())
                            .build()));
            awaitActive(client, table.tableName(), index.indexName());
            LOG.info("{}: index {} added", table.tableName(), index.indexName());
        }
    }

    /** DynamoDB Local builds a new index in the background, as DynamoDB does: it answers once it is active. */
    private static void awaitActive(DynamoDbClient client, String table, String index) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes().stream()
                .noneMatch(gsi -> gsi.indexName().equals(index) && gsi.indexStatus() == IndexStatus.ACTIVE)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(table + ": index " + index + " did not become active");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /**
     * Seeds the directory as the deploy does (with the seed function's settings) and, with SNS, creates each
     * organisation's topic, now or as soon as the endpoint answers ({@link AlertTopics}).
     */
    private Deployment seedDirectory(SamTemplate template, Deployment deployment) {
        String seedFunction = template.functions().stream()
                .filter(f -> f.handler().startsWith(DirectorySeedHandler.class.getName() + "::"))
                .map(SamTemplate.Function::logicalId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the template has no " + DirectorySeedHandler.class.getName()));
        Wiring setup = new Wiring(deployment.environment(seedFunction)::get, clock);
        try {
            List<Organisation> organisations = DirectoryData.seed();
            this.organisations = organisations.stream().map(Organisation::id).collect(Collectors.toSet());
            int seeded = setup.directorySeeder().seed(organisations);
            LOG.info("directory seeded: {} organisations", seeded);
            if (snsEndpoint == null) {
                return deployment;
            }
            // Local SNS engines (fauxqs, LocalStack) use the account id the runner's deployment has.
            AlertTopics topics = AlertTopics.create(deployment.environment(seedFunction), organisations.stream()
                    .map(Organisation::id).toList(), snsEndpoint);
            resources.push(topics);
            return deployment;
        } finally {
            LambdaFunction.closeQuietly(setup.dynamoDb());
            LambdaFunction.closeQuietly(setup.sns());
        }
    }

    /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public int port() {
        return gateway.port();
    }

    /** The alerts published: to the inbox, or (with an SNS endpoint) what was sent to SNS. */
    public OnCallInbox inbox() {
        return inbox;
    }

    /** The SNS endpoint alerts are published to, if any. */
    public Optional<URI> snsEndpoint() {
        return Optional.ofNullable(snsEndpoint);
    }

    /** The DynamoDB Local engine (its clients use dummy credentials and the engine's endpoint). */
    public DynamoDbEngine dynamoDb() {
        return dynamoDb;
    }

    /** Physical table names by logical id, e.g. {@code CasesTable -> senim-cases}. */
    public Map<String, String> tables() {
        return Map.copyOf(tables);
    }

    /**
     * The environment variables this runner gives a function of the template (resolved, local substitutes in place,
     * {@code AWS_REGION} set): what a separate JVM running the function needs, besides the engines' endpoints.
     */
    public Map<String, String> environment(String functionLogicalId) {
        return deployment.environment(functionLogicalId);
    }

    /** Where the data lives, or empty when in memory. */
    public Optional<Path> dataDir() {
        return options.dataDir().map(Path::toAbsolutePath);
    }

    /**
     * Puts the seeded people in the people directory, as the user pool's post-authentication trigger does in AWS when
     * each of them signs in (with that function's settings), so that coordinators can assign cases to them at once.
     */
    private void recordPeople(SamTemplate template, Deployment deployment, People people) {
        String trigger = template.functions().stream()
                .filter(f -> f.handler().startsWith(PostAuthenticationHandler.class.getName() + "::"))
                .map(SamTemplate.Function::logicalId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the template has no "
                        + PostAuthenticationHandler.class.getName()));
        Wiring setup = new Wiring(deployment.environment(trigger)::get, clock);
        try {
            RecordSignIn recordSignIn = setup.recordSignIn();
            for (People.Person person : people.all()) {
                RecordSignIn.Outcome outcome = recordSignIn.record(new RecordSignIn.SignIn(person.id(),
                        person.organisationId(), person.role().code(), person.name()));
                if (!(outcome instanceof RecordSignIn.Outcome.Recorded)) {
                    throw new IllegalStateException(People.RESOURCE + ": " + person.id() + " not recorded: " + outcome);
                }
            }
            LOG.info("people directory: {} people of {} recorded", people.all().size(), People.RESOURCE);
        } finally {
            LambdaFunction.closeQuietly(setup.dynamoDb());
        }
    }

    /** What to tell the person who started Senim: where it listens, where data and alerts go, how to try it. */
    public String banner() {
        boolean local = gateway.loopbackOnly(); // else /local/* is closed
        String url = local ? "http://localhost:" + port() : publicUrl();
        String data = dataDir().map(dir -> dir + " (DynamoDB Local; kept between runs)")
                .orElse("in memory (gone when Senim stops)");
        String alerts = snsEndpoint != null ? "SNS at " + snsEndpoint + ", topics " + TOPIC_PREFIX + "<organisation id>"
                + (local ? "; what was sent: GET " + url + HttpGateway.ALERTS_PATH : "")
                : local ? "on-call inbox: GET " + url + HttpGateway.ALERTS_PATH + " (one log line per alert)"
                : "one log line per alert (the on-call inbox at " + HttpGateway.ALERTS_PATH + " is closed)";
        List<String> open = gateway.routes().stream().filter(r -> r.authorizer().isEmpty()).map(HttpRoute::routeKey)
                .toList();
        List<String> signedIn = gateway.routes().stream().filter(r -> r.authorizer().isPresent())
                .map(HttpRoute::routeKey).toList();
        StringBuilder banner = new StringBuilder(local ? "" : "%n%s%n".formatted(exposedWarning()));
        banner.append("""

                Senim is running at %1$s   (Ctrl-C to stop)
                  console:       %1$s/console/   (staff: sign in as a seeded person)
                  open routes:   %2$s
                  data:          %3$s
                  tables:        %4$s at %5$s (region %6$s)
                  alerts:        %7$s
                """.formatted(url, String.join(", ", open), data, String.join(", ", tables.values()),
                dynamoDb.endpoint(), REGION, alerts));
        if (!signedIn.isEmpty()) {
            banner.append("  staff routes:  %d need an ID token (%s, ...)%n".formatted(signedIn.size(),
                    signedIn.getFirst()));
        }
        banner.append("  limits:        %s%n".formatted(options.throttle()
                ? "the template's route throttles (429 + Retry-After beyond them; --no-throttle turns them off)"
                : "none (--no-throttle)"));
        if (!schedules.isEmpty()) {
            banner.append("  schedules:     %s%s%n".formatted(String.join(", ", schedules), local
                    ? " (run now: curl -X POST " + url + LocalEndpoints.SCHEDULES + "<function>)" : ""));
        }
        banner.append("""

                Try it (the same report twice: same reference and receipt, header Idempotent-Replayed: true):
                  curl -i %1$s/v1/reports -H 'Content-Type: application/json' -H 'Idempotency-Key: try-senim-local-0001' -d '{"reporterRole":"victim","category":"forced_labour","region":"KZ-75","immediateDanger":true,"policeConsent":false,"childInvolved":false,"foreignNational":true,"narrative":"Забрали паспорт, не выпускают со стройки.","language":"ru"}'
                  curl -s %1$s%2$s
                """.formatted(url, local ? HttpGateway.ALERTS_PATH : "/v1/regions?lang=ru"));
        if (!signedIn.isEmpty() && local) {
            banner.append("""

                    As Dana, coordinator of the Almaty commission (an ID token from the local issuer, as Cognito gives
                    one; the people who can sign in: curl -s %1$s%2$s):
                      TOKEN=$(./senim token dana.coordinator.almaty%3$s)
                      curl -s '%1$s/v1/cases?region=KZ-75' -H "Authorization: Bearer $TOKEN"
                    """.formatted(url, LocalEndpoints.PEOPLE,
                    port() == Options.DEFAULT_PORT ? "" : " --port " + port()));
        }
        return banner.toString();
    }

    /** Blocks until {@link #close()} has run (e.g. from the Ctrl-C hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the gateway, then the stream pollers and functions, then the engines. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (gateway != null) {
            resources.push(gateway); // first: no request may reach a function being stopped
        }
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", resource.getClass().getSimpleName(), e.getClass().getName());
            }
        }
        RUNNING.set(false);
        stopped.countDown();
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(List.of(args), System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("SenimLocal: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        SenimLocal senim = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            senim.close();
            System.out.println("Senim stopped.");
        }, "senim-local-shutdown"));
        System.out.println(senim.banner());
        senim.awaitStop();
    }
}
