package kz.senim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.acknowledgement.AcknowledgementLinks;
import kz.senim.bench.lambda.LambdaJvm;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;
import kz.senim.i18n.Language;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.SenimLocal;
import kz.senim.local.engines.SnsEmulator;
import kz.senim.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function of the template in a fresh JVM, as Lambda starts one: the template's JVM flags, the environment the
 * runner gives the function (pointing at the runner's DynamoDB Local), the handler made by its no-arg constructor and
 * invoked once with its handler test's event JSON about a live case; against a bare JVM with the same flags that
 * builds the same SDK clients and makes the function's first call. And the warm {@code SubmitReportHandler}.
 */
final class ColdStarts implements AutoCloseable {

    /** The first call a function makes to AWS, which its bare JVM makes too. */
    enum FirstCall { NONE, GET_REPORT, QUERY_QUEUE, QUERY_PROVIDER, QUERY_PENDING, QUERY_UNPUBLISHED, QUERY_RETENTION,
        QUERY_DIRECTORY, QUERY_PEOPLE, TRANSACT_REPORT, CLAIM_AND_PUBLISH }

    /** How to start a function: its event fixture and its first call. */
    record Scenario(String logicalId, String fixture, FirstCall firstCall) {
    }

    /** The functions in the order a case goes through them (each sees what the earlier ones did to the case). */
    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("SubmitReportFunction", "apigw-v2-submit-report.json", FirstCall.TRANSACT_REPORT),
            new Scenario("ReportStatusFunction", "apigw-v2-report-status.json", FirstCall.GET_REPORT),
            new Scenario("RegionsFunction", "apigw-v2-regions.json", FirstCall.NONE),
            new Scenario("AlertDispatcherFunction", "dynamodb-stream-cases.json", FirstCall.CLAIM_AND_PUBLISH),
            new Scenario("DirectorySeedFunction", "cfn-directory-seed-create.json", FirstCall.QUERY_DIRECTORY),
            new Scenario("CaseQueueFunction", "apigw-v2-case-queue.json", FirstCall.QUERY_QUEUE),
            new Scenario("ReadCaseFunction", "apigw-v2-read-case.json", FirstCall.GET_REPORT),
            new Scenario("AcknowledgeAlertFunction", "apigw-v2-ack-alert.json", FirstCall.GET_REPORT),
            new Scenario("AcknowledgementLinkFunction", "apigw-v2-ack-link-post.json", FirstCall.GET_REPORT),
            new Scenario("AssignCaseFunction", "apigw-v2-assign-case.json", FirstCall.GET_REPORT),
            new Scenario("ChangeCaseStatusFunction", "apigw-v2-case-transition.json", FirstCall.GET_REPORT),
            new Scenario("PostCaseMessageFunction", "apigw-v2-post-case-message.json", FirstCall.GET_REPORT),
            new Scenario("ReporterMessagesFunction", "apigw-v2-reporter-messages.json", FirstCall.GET_REPORT),
            new Scenario("ReporterReplyFunction", "apigw-v2-reporter-reply.json", FirstCall.GET_REPORT),
            new Scenario("ReferToServiceFunction", "apigw-v2-refer-to-service.json", FirstCall.GET_REPORT),
            new Scenario("ProviderReferralsFunction", "apigw-v2-provider-referrals.json", FirstCall.QUERY_PROVIDER),
            new Scenario("ChangeReferralStatusFunction", "apigw-v2-referral-status.json", FirstCall.GET_REPORT),
            new Scenario("CaseAuditFunction", "apigw-v2-case-audit.json", FirstCall.GET_REPORT),
            new Scenario("EscalateAlertsFunction", "eventbridge-escalate-alerts.json", FirstCall.QUERY_PENDING),
            new Scenario("SweepAlertsFunction", "eventbridge-escalate-alerts.json", FirstCall.QUERY_UNPUBLISHED),
            new Scenario("MeFunction", "apigw-v2-me.json", FirstCall.QUERY_DIRECTORY),
            new Scenario("PeopleFunction", "apigw-v2-people.json", FirstCall.QUERY_PEOPLE),
            new Scenario("ProvidersFunction", "apigw-v2-providers.json", FirstCall.QUERY_DIRECTORY),
            new Scenario("OverviewFunction", "apigw-v2-overview.json", FirstCall.QUERY_QUEUE),
            new Scenario("PostAuthenticationFunction", "cognito-post-authentication.json", FirstCall.QUERY_DIRECTORY),
            // the reporter withdraws the case last: nothing can be done with it afterwards
            new Scenario("WithdrawReportFunction", "apigw-v2-withdraw-report.json", FirstCall.GET_REPORT),
            new Scenario("EraseDueContentFunction", "eventbridge-escalate-alerts.json", FirstCall.QUERY_RETENTION));

    /** The organisation the acknowledgement fixture acknowledges for (its caller's organisation). */
    private static final String FIXTURE_ORGANISATION = "kz-75-commission";
    private static final String NATIONAL_COORDINATOR = "saule.national-coordinator.astana";
    /** A person of the fixture organisation whom the runner put in the people directory. */
    private static final String ASSIGNEE = "aigerim.responder.almaty";
    private static final String KEY_PLACEHOLDER = "00000000-0000-4000-8000-benchkeyplace";

    /**
     * One function's cold start, medians over the repeats.
     *
     * @param initMs JVM start to handler constructed
     * @param invokeMs the first invocation (event decoded, handled, answer encoded)
     * @param bareMs the bare JVM: start to its first call answered
     * @param outcome what the first invocation answered (e.g. {@code HTTP 201})
     * @param ok every invocation answered as a success (a 2xx, no failed records)
     * @param primedInvokeMs the first invocation in a JVM whose SnapStart checkpoint hooks ran after init (what a
     *     restored snapshot answers with, less the restore itself)
     * @param primeMs what those hooks took (in Lambda: while the version is published)
     * @param cpuMs CPU time of the (unprimed) JVM until its first answer
     * @param peakRssMb its peak resident memory then
     * @param primedInvokeCpuMs CPU time of the primed JVM's first invocation
     */
    record Row(String function, String handler, double initMs, double invokeMs, double totalMs, double bareMs,
               String outcome, boolean ok, String note, double primedInvokeMs, double primeMs, double cpuMs,
               double peakRssMb, double primedInvokeCpuMs) {

        double ratio() {
            return totalMs / bareMs;
        }
    }

    /** Warm invocations, and the CPU time (every thread of the JVM) each took on average. */
    record Warm(Latencies latencies, double cpuMsPerInvoke) {
    }

    private final SenimLocal senim;
    private final RunnerClient runner;
    private final RawDynamoDb raw;
    private final SubmissionItems shape;
    private final EventFixtures fixtures;
    private final LambdaJvms jvms;
    private final Path work;
    private final SamTemplate template = SamTemplate.load();
    private final DynamoDbClient dynamoDb;
    private final HttpServer cloudFormation;
    private final AtomicInteger cloudFormationAnswers = new AtomicInteger();
    private SnsEmulator sns;
    private String snsProblem;
    private AcknowledgementLinks links;
    private final Deque<LiveCase> prepared = new ArrayDeque<>();

    ColdStarts(BenchSettings settings, SenimLocal senim, RunnerClient runner, RawDynamoDb raw, SubmissionItems shape) {
        this.senim = senim;
        this.runner = runner;
        this.raw = raw;
        this.shape = shape;
        this.fixtures = new EventFixtures(settings.eventFixtures());
        this.work = settings.output().resolve("jvms");
        this.jvms = new LambdaJvms(settings.lambdaJar(), work);
        this.dynamoDb = raw.newClient();
        try {
            cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cloudFormation.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            cloudFormationAnswers.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
    }

    /** The JVM flags the template gives a function ({@code JAVA_TOOL_OPTIONS}). */
    String jvmFlags(String logicalId) {
        return senim.environment(logicalId).getOrDefault("JAVA_TOOL_OPTIONS", "(none)");
    }

    /**
     * The cases the cold starts act on, made before the intake runs floods every organisation of the bench's report
     * (two a repeat: one for the fresh JVMs, one for the primed ones).
     */
    void prepareCases(int repeats) {
        for (int i = 0; i < 2 * repeats; i++) {
            prepared.add(newCase());
        }
    }

    /**
     * Each function of the template, {@code repeats} times, against its bare JVM; with {@code overlap}, each bare JVM
     * runs beside the next function's JVM.
     */
    List<Row> measure(int repeats, boolean overlap) {
        startSns();
        List<SamTemplate.Function> functions = inLifecycleOrder(template.functions());
        Map<String, List<LambdaJvms.Run>> handlerRuns = new LinkedHashMap<>();
        Map<String, List<Future<LambdaJvms.Run>>> bareRuns = new LinkedHashMap<>();
        Map<String, String> notes = new HashMap<>();
        ExecutorService bareJvms = Executors.newSingleThreadExecutor();
        Map<String, List<LambdaJvms.Run>> primedRuns = new LinkedHashMap<>();
        for (int repeat = 1; repeat <= repeats; repeat++) {
            LiveCase live = prepared.isEmpty() ? newCase() : prepared.removeFirst();
            LiveCase forPrimed = prepared.isEmpty() ? newCase() : prepared.removeFirst();
            for (SamTemplate.Function function : functions) {
                String id = function.logicalId();
                Optional<Scenario> scenario = scenario(id);
                if (scenario.isEmpty()) {
                    notes.put(id, "no event for this function in the bench (ColdStarts.SCENARIOS)");
                    continue;
                }
                if (id.equals("AlertDispatcherFunction") && sns == null) {
                    notes.put(id, "not measured: the SNS emulator did not start (" + snsProblem + ")");
                    continue;
                }
                String name = id + "-" + repeat;
                String handler = function.handler().split("::", 2)[0];
                Map<String, String> environment = lambdaEnvironment(id);
                Path event = EventFixtures.write(event(scenario.get(), live, environment),
                        work.resolve(name + ".event.json"));
                handlerRuns.computeIfAbsent(id, k -> new ArrayList<>()).add(jvms.handler(name + "-handler",
                        environment, handler, event));
                Properties call = bareCall(scenario.get().firstCall(), live, environment);
                Future<LambdaJvms.Run> bare = bareJvms.submit(() -> jvms.bare(name + "-bare", environment, call));
                bareRuns.computeIfAbsent(id, k -> new ArrayList<>()).add(bare);
                if (!overlap) {
                    result(bare);
                }
                Map<String, String> primedEnvironment = lambdaEnvironment(id);
                Path primedEvent = EventFixtures.write(event(scenario.get(), forPrimed, primedEnvironment),
                        work.resolve(name + "-primed.event.json"));
                primedRuns.computeIfAbsent(id, k -> new ArrayList<>()).add(jvms.primedHandler(name + "-primed",
                        primedEnvironment, handler, primedEvent));
            }
        }
        bareJvms.shutdown();
        List<Row> rows = new ArrayList<>();
        for (SamTemplate.Function function : functions) {
            String id = function.logicalId();
            List<LambdaJvms.Run> runs = handlerRuns.getOrDefault(id, List.of());
            List<LambdaJvms.Run> primed = primedRuns.getOrDefault(id, List.of());
            List<LambdaJvms.Run> bare = bareRuns.getOrDefault(id, List.of()).stream().map(ColdStarts::result).toList();
            String handler = function.handler().split("::", 2)[0];
            if (runs.isEmpty()) {
                rows.add(new Row(id, handler, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "—", false,
                        notes.getOrDefault(id, "not measured"), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN));
                continue;
            }
            boolean ok = runs.stream().allMatch(LambdaJvms.Run::ok) && bare.stream().allMatch(LambdaJvms.Run::ok)
                    && primed.stream().allMatch(r -> r.ok() && r.hooks() > 0);
            String note = runs.stream().filter(r -> !r.ok()).map(r -> r.outcome() + " " + r.detail()).findFirst()
                    .or(() -> bare.stream().filter(r -> !r.ok()).map(r -> "bare JVM: " + r.outcome() + " "
                            + r.detail()).findFirst())
                    .or(() -> primed.stream().filter(r -> !r.ok() || r.hooks() == 0).map(r -> "primed JVM: "
                            + (r.hooks() == 0 ? "no checkpoint hook ran " : "") + r.outcome() + " " + r.detail())
                            .findFirst())
                    .orElse("");
            rows.add(new Row(id, handler, median(runs, LambdaJvms.Run::initMs), median(runs, LambdaJvms.Run::invokeMs),
                    median(runs, LambdaJvms.Run::totalMs), median(bare, LambdaJvms.Run::totalMs),
                    runs.getLast().outcome(), ok, note.strip(), median(primed, LambdaJvms.Run::invokeMs),
                    median(primed, LambdaJvms.Run::primeMs), median(runs, LambdaJvms.Run::cpuMs),
                    median(runs, LambdaJvms.Run::peakRssMb), median(primed, LambdaJvms.Run::invokeCpuMs)));
        }
        return rows;
    }

    /**
     * {@code SubmitReportHandler} warm in one JVM with the template's flags: {@code warmups} invocations, then
     * {@code invokes} timed ones, each a new report (a fresh Idempotency-Key).
     */
    Warm warmSubmitReports(int warmups, int invokes) {
        String id = "SubmitReportFunction";
        Map<String, String> environment = lambdaEnvironment(id);
        ObjectNode event = fixtures.load(scenario(id).orElseThrow().fixture(), Map.of());
        EventFixtures.replaceHeader(event, "idempotency-key", KEY_PLACEHOLDER);
        Path file = EventFixtures.write(event, work.resolve("warm-" + id + ".event.json"));
        Properties measured = jvms.warm("warm-" + id, environment, handlerOf(id), file, warmups, invokes,
                KEY_PLACEHOLDER);
        if (!Boolean.parseBoolean(measured.getProperty("ok"))) {
            throw new IllegalStateException("warm SubmitReportHandler failed " + measured.getProperty("failures")
                    + " times (" + measured.getProperty("outcome", measured.getProperty("error")) + "): see "
                    + work.resolve("warm-" + id + ".log"));
        }
        List<Long> nanos = new ArrayList<>();
        for (String took : measured.getProperty("durationsNanos").split(",")) {
            nanos.add(Long.parseLong(took));
        }
        return new Warm(Latencies.of(nanos, nanos.stream().mapToLong(Long::longValue).sum()),
                Double.parseDouble(measured.getProperty("cpuMsPerInvoke", "NaN")));
    }

    /** How many answers the bench's stand-in for CloudFormation's response URL received. */
    int cloudFormationAnswers() {
        return cloudFormationAnswers.get();
    }

    /** The environment Lambda would give the function: the runner's variables, endpoints and what Lambda adds. */
    private Map<String, String> lambdaEnvironment(String logicalId) {
        Map<String, String> environment = new HashMap<>(senim.environment(logicalId));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", senim.dynamoDb().endpoint().toString());
        if (sns != null) {
            environment.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        }
        environment.put("AWS_ACCESS_KEY_ID", "senimbench");
        environment.put("AWS_SECRET_ACCESS_KEY", "senimbench");
        JsonNode properties = template.functionProperties(logicalId);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "senim-" + logicalId);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", properties.path("MemorySize").asText("128"));
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + properties.path("Runtime").asText("java21"));
        String logFormat = properties.path("LoggingConfig").path("LogFormat").asText("");
        if (!logFormat.isEmpty()) {
            environment.put("AWS_LAMBDA_LOG_FORMAT", logFormat);
        }
        environment.put("TZ", "UTC");
        return environment;
    }

    /** The scenario's fixture about the live case, with what the function needs to succeed. */
    private ObjectNode event(Scenario scenario, LiveCase live, Map<String, String> environment) {
        Map<String, String> replacements = new LinkedHashMap<>();
        Optional<Referral> referral = scenario.logicalId().equals("ChangeReferralStatusFunction")
                ? referral(live) : Optional.empty();
        referral.ifPresent(r -> replacements.put(EventFixtures.REFERRAL, r.id()));
        replacements.put(EventFixtures.REFERENCE, live.reference());
        replacements.put(EventFixtures.RECEIPT, live.receipt());
        switch (scenario.logicalId()) {
            case "AcknowledgementLinkFunction" -> replacements.put(EventFixtures.LINK_TOKEN, live.linkToken());
            case "AlertDispatcherFunction" -> {
                return dispatcherEvent(scenario, environment);
            }
            case "DirectorySeedFunction" -> {
                ObjectNode event = fixtures.load(scenario.fixture(), replacements);
                event.put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort()
                        + "/cloudformation-response");
                return event;
            }
            default -> {
            }
        }
        ObjectNode event = fixtures.load(scenario.fixture(), replacements);
        EventFixtures.replaceHeader(event, "idempotency-key", UUID.randomUUID().toString());
        switch (scenario.logicalId()) {
            case "AssignCaseFunction" -> {
                EventFixtures.replaceHeader(event, "if-match", "\"" + caseView(live).path("version").asLong() + "\"");
                EventFixtures.replaceBodyField(event, "personId", ASSIGNEE);
            }
            case "ChangeCaseStatusFunction" ->
                    EventFixtures.replaceHeader(event, "if-match", "\"" + caseView(live).path("version").asLong() + "\"");
            case "ChangeReferralStatusFunction" -> EventFixtures.replaceHeader(event, "if-match",
                    "\"" + referral.map(Referral::version).orElse(1L) + "\"");
            case "ReferToServiceFunction" -> EventFixtures.replaceBodyField(event, "dueDate",
                    LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
            default -> {
            }
        }
        return event;
    }

    /**
     * The stream fixture about a new reference, its alert inserts only (the function's filter lets nothing else
     * through), its alert items written to the floor table (no dispatcher reads its stream), where the function is
     * pointed: in the cases table, the runner's own dispatcher would publish them first.
     */
    private ObjectNode dispatcherEvent(Scenario scenario, Map<String, String> environment) {
        ObjectNode event = fixtures.load(scenario.fixture(), Map.of(EventFixtures.REFERENCE,
                shape.fresh().reference()));
        ArrayNode alerts = event.arrayNode();
        for (JsonNode record : event.path("Records")) {
            JsonNode image = record.path("dynamodb").path("NewImage");
            if (record.path("eventName").asText().equals("INSERT")
                    && image.path("kind").path("S").asText().equals("ALERT")) {
                alerts.add(record);
                dynamoDb.putItem(r -> r.tableName(RawDynamoDb.FLOOR_TABLE).item(EventFixtures.item(image)));
            }
        }
        event.set("Records", alerts);
        environment.put(Wiring.CASES_TABLE, RawDynamoDb.FLOOR_TABLE);
        return event;
    }

    /** What the bare JVM does for a function: build its clients, make its first call. */
    private Properties bareCall(FirstCall firstCall, LiveCase live, Map<String, String> environment) {
        Properties call = new Properties();
        call.setProperty("clients", firstCall == FirstCall.NONE ? "" : "dynamodb");
        String cases = environment.getOrDefault(Wiring.CASES_TABLE, "");
        switch (firstCall) {
            case NONE -> call.setProperty("call", "none");
            case GET_REPORT -> {
                call.setProperty("call", "get");
                call.setProperty("table", cases);
                call.setProperty("pk", "CASE#" + live.reference());
                call.setProperty("sk", "REPORT");
            }
            case QUERY_QUEUE -> query(call, cases, "QueueIndex", "gsi1pk", "QUEUE#KZ-75");
            case QUERY_PROVIDER -> query(call, cases, "ProviderIndex", "gsi3pk", "PROVIDER#ngo-foreign-nationals");
            case QUERY_PENDING -> query(call, cases, "PendingAlertsIndex", "gsi2pk", "PENDING");
            case QUERY_UNPUBLISHED -> query(call, cases, "UnpublishedAlertsIndex", "gsi4pk", "UNPUBLISHED");
            case QUERY_RETENTION -> query(call, cases, "RetentionIndex", "gsi5pk", "RETAIN#CLOSED");
            case QUERY_DIRECTORY -> query(call, environment.get(Wiring.DIRECTORY_TABLE), null, "pk", "DIRECTORY");
            case QUERY_PEOPLE -> query(call, environment.get(Wiring.DIRECTORY_TABLE), null, "pk",
                    "PEOPLE#" + FIXTURE_ORGANISATION);
            case TRANSACT_REPORT -> {
                call.setProperty("call", "transact");
                call.setProperty("table", RawDynamoDb.FLOOR_TABLE);
                List<Map<String, AttributeValue>> items = shape.fresh().all();
                for (int i = 0; i < items.size(); i++) {
                    call.setProperty("item." + i, LambdaJvm.encodeItem(items.get(i)));
                }
            }
            case CLAIM_AND_PUBLISH -> {
                Map<String, AttributeValue> alert = shape.fresh().alerts().getFirst();
                dynamoDb.putItem(r -> r.tableName(RawDynamoDb.FLOOR_TABLE).item(alert));
                call.setProperty("clients", "dynamodb,sns");
                call.setProperty("call", "update-publish");
                call.setProperty("table", RawDynamoDb.FLOOR_TABLE);
                call.setProperty("pk", alert.get("pk").s());
                call.setProperty("sk", alert.get("sk").s());
                call.setProperty("topicArn", environment.get(Wiring.ALERT_TOPIC_ARN_PREFIX)
                        + alert.get("organisationId").s());
                call.setProperty("message", RunnerClient.JSON.createObjectNode().put("schemaVersion", "1")
                        .put("alertId", alert.get("alertId").s()).put("reference", alert.get("reference").s())
                        .put("organisationId", alert.get("organisationId").s()).toString());
            }
        }
        return call;
    }

    private static void query(Properties call, String table, String index, String attribute, String value) {
        call.setProperty("call", "query");
        call.setProperty("table", table);
        if (index != null) {
            call.setProperty("index", index);
        }
        call.setProperty("keyAttribute", attribute);
        call.setProperty("keyValue", value);
        call.setProperty("limit", "25");
    }

    /** A case in the runner, for the functions that act on one; the link acknowledges one of its alerts. */
    private record LiveCase(String reference, String receipt, String linkToken) {
    }

    private record Referral(String id, long version) {
    }

    /**
     * A new report through the runner, once the dispatcher has dealt with its alerts (published each, or coalesced it
     * into its window's digest), and a link to acknowledge one of them issued as the dispatcher issues links: after
     * the intake runs, every organisation of the bench's report is in a paging storm (more than its pages per window),
     * so its alerts go out coalesced, without links of their own.
     */
    private LiveCase newCase() {
        JsonNode submitted = runner.submit().require(201, "a report for the cold starts").json();
        String reference = submitted.path("reference").asText();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Map<String, AttributeValue>> alerts = dynamoDb.query(q -> q.tableName(casesTable())
                    .keyConditionExpression("pk = :case AND begins_with(sk, :alert)")
                    .expressionAttributeValues(Map.of(":case", AttributeValue.fromS("CASE#" + reference),
                            ":alert", AttributeValue.fromS("ALERT#")))).items();
            boolean dispatched = !alerts.isEmpty() && alerts.stream()
                    .allMatch(a -> a.containsKey("publishedAt") || a.containsKey("coalescedInto"));
            Optional<String> other = alerts.stream().map(a -> a.get("alertId").s())
                    .filter(id -> !id.endsWith("." + FIXTURE_ORGANISATION)).findFirst();
            if (dispatched && other.isPresent()) {
                return new LiveCase(reference, submitted.path("receipt").asText(),
                        links().issue(other.get(), Language.DEFAULT));
            }
            pause(100);
        }
        throw new IllegalStateException("the alerts of " + reference + " were not dispatched in 60 s");
    }

    private String casesTable() {
        return senim.tables().get("CasesTable");
    }

    /** The runner's acknowledgement links, made as its dispatcher makes them (same table, same clock). */
    private synchronized AcknowledgementLinks links() {
        if (links == null) {
            links = new Wiring(senim.environment("AlertDispatcherFunction")::get, Clock.systemUTC())
                    .acknowledgementLinks();
        }
        return links;
    }

    /** The case's first referral, as it stands now. */
    private Optional<Referral> referral(LiveCase live) {
        JsonNode referrals = caseView(live).path("referrals");
        return referrals.isEmpty() ? Optional.empty() : Optional.of(new Referral(
                referrals.get(0).path("referralId").asText(), referrals.get(0).path("version").asLong()));
    }

    /** The case as the national coordinator sees it (its version, its referrals). */
    private JsonNode caseView(LiveCase live) {
        String token = runner.token(NATIONAL_COORDINATOR);
        return runner.get("/v1/cases/" + live.reference(), token).require(200, "the case " + live.reference()).json();
    }

    private void startSns() {
        if (sns != null || snsProblem != null) {
            return;
        }
        try {
            sns = SnsEmulator.start();
            for (Organisation organisation : DirectoryData.seed()) {
                sns.sns().createTopic(r -> r.name(SenimLocal.TOPIC_PREFIX + organisation.id()));
            }
        } catch (RuntimeException e) {
            snsProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (sns != null) {
                sns.close();
                sns = null;
            }
        }
    }

    private String handlerOf(String logicalId) {
        return template.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow().handler().split("::", 2)[0];
    }

    private static Optional<Scenario> scenario(String logicalId) {
        return SCENARIOS.stream().filter(s -> s.logicalId().equals(logicalId)).findFirst();
    }

    /** The template's functions, those with a scenario first in its order, then any others. */
    static List<SamTemplate.Function> inLifecycleOrder(List<SamTemplate.Function> functions) {
        List<SamTemplate.Function> ordered = new ArrayList<>();
        for (Scenario scenario : SCENARIOS) {
            functions.stream().filter(f -> f.logicalId().equals(scenario.logicalId())).forEach(ordered::add);
        }
        functions.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
        return ordered;
    }

    private static double median(List<LambdaJvms.Run> runs, java.util.function.ToDoubleFunction<LambdaJvms.Run> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static LambdaJvms.Run result(Future<LambdaJvms.Run> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        cloudFormation.stop(0);
        if (sns != null) {
            sns.close();
        }
    }
}
