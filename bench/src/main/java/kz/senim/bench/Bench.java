package kz.senim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.local.Options;
import kz.senim.local.SenimLocal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code ./senim bench}: Senim measures itself, each figure beside its floor in one run (issue 9). Starts the local
 * runner in this JVM (in memory, any free port, throttles off), drives it over HTTP, makes the same DynamoDB calls
 * raw, starts a fresh JVM per function of the template, and writes the table to {@code target/bench/}.
 */
public final class Bench {

    static final String COORDINATOR = "dana.coordinator.almaty";
    static final String QUEUE_REGION = "KZ-75";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Bench() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(BenchSettings.USAGE);
            return;
        }
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(arguments, BenchSettings.findRoot(Path.of("")));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchSettings.USAGE);
            System.exit(2);
            return;
        }
        String command = String.join(" ", "./senim bench", String.join(" ", arguments)).strip();
        BenchResult result = run(settings, command);
        Path file = write(result);
        System.out.println();
        System.out.print(BenchReport.markdown(result));
        System.out.println();
        System.out.println("Written to " + settings.root().relativize(file) + " and "
                + settings.root().relativize(file.resolveSibling("latest.md")));
        System.exit(0);
    }

    /** One run; the runner's logs go to {@code <output>/runner.log}. */
    public static BenchResult run(BenchSettings settings, String command) {
        Instant started = Instant.now();
        createDirectories(settings.output());
        LogFile.redirectTo(settings.output().resolve("runner.log"));
        progress("starting the runner (in memory, throttles off)");
        try (SenimLocal senim = SenimLocal.start(Options.forTests().withoutThrottle());
             RawDynamoDb raw = new RawDynamoDb(senim.dynamoDb().endpoint(), SenimLocal.REGION)) {
            RawDynamoDb.createFloorTable(senim.dynamoDb());
            RunnerClient runner = new RunnerClient(senim.baseUri());
            String casesTable = senim.tables().get("CasesTable");

            String key = UUID.randomUUID().toString();
            var first = runner.submit(key).require(201, "the first report").json();
            String reference = first.path("reference").asText();
            String receipt = first.path("receipt").asText();
            SubmissionItems shape = SubmissionItems.capture(raw.newClient(), casesTable, reference, key);

            progress("intake through the runner: 1 client, then " + settings.clients());
            Rss.resetPeak();
            Latencies intakeOne = Series.run(1, settings.reports(), settings.warmups(), () -> submitting(senim));
            awaitQuietInbox(runner);
            Latencies intakeMany = Series.run(settings.clients(), settings.reports() * 2, 0, () -> submitting(senim));
            long peakRss = Rss.peakBytes();
            awaitQuietInbox(runner);

            progress("raw transactions: 1 thread, then " + settings.clients());
            Latencies rawOne = raw.transactions(shape, 1, settings.rawCalls(), settings.warmups());
            Latencies rawMany = raw.transactions(shape, settings.clients(), settings.rawCalls() * 2,
                    settings.warmups());

            progress("reads: status, queue, raw GetItem, raw Query");
            Latencies statusRead = Series.run(1, settings.reads(), settings.warmups(), () -> {
                RunnerClient client = new RunnerClient(senim.baseUri());
                return () -> client.status(reference, receipt).require(200, "the status read");
            });
            Latencies rawGet = raw.getItems(casesTable, SubmissionItems.key("CASE#" + reference, "REPORT"),
                    settings.rawCalls(), settings.warmups());
            String token = runner.token(COORDINATOR);
            Latencies queueRead = Series.run(1, settings.reads(), settings.warmups(), () -> {
                RunnerClient client = new RunnerClient(senim.baseUri());
                return () -> client.get("/v1/cases?region=" + QUEUE_REGION, token).require(200, "the queue read");
            });
            Latencies rawQuery = raw.queries(QueryRequest.builder().tableName(casesTable).indexName("QueueIndex")
                    .keyConditionExpression("#queue = :queue")
                    .expressionAttributeNames(Map.of("#queue", "gsi1pk"))
                    .expressionAttributeValues(Map.of(":queue", AttributeValue.fromS("QUEUE#" + QUEUE_REGION)))
                    .limit(25).build(), settings.rawCalls(), settings.warmups());

            try (ColdStarts lambdas = new ColdStarts(settings, senim, runner, raw, shape)) {
                progress("warm SubmitReportHandler in a JVM with the template's flags");
                Latencies warm = lambdas.warmSubmitReports(settings.warmWarmups(), settings.warmInvokes());
                progress("cold starts: every function of the template, and its bare JVM");
                List<ColdStarts.Row> coldStarts = lambdas.measure(settings.coldRepeats(), settings.overlapJvms());
                return new BenchResult(settings, started, Duration.between(started, Instant.now()), Machine.describe(),
                        command, intakeOne, intakeMany, rawOne, rawMany, shape.size(), statusRead, rawGet, queueRead,
                        rawQuery, warm, coldStarts, lambdas.jvmFlags("SubmitReportFunction"),
                        Files.size(settings.lambdaJar()), peakRss, Rss.note(), lambdas.cloudFormationAnswers());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bench-<timestamp>.md} and {@code latest.md}; returns the first. */
    static Path write(BenchResult result) {
        String markdown = BenchReport.markdown(result);
        Path file = result.settings().output().resolve("bench-" + FILE_TIME.format(result.started()) + ".md");
        try {
            Files.writeString(file, markdown);
            Files.writeString(result.settings().output().resolve("latest.md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Series.Call submitting(SenimLocal senim) {
        RunnerClient client = new RunnerClient(senim.baseUri());
        return () -> client.submit().require(201, "a report");
    }

    /** Waits (at most a minute) until the dispatcher has published everything: the inbox stops growing. */
    private static void awaitQuietInbox(RunnerClient runner) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = runner.alertCount();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofMillis(1500).toNanos()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final long START = System.nanoTime();

    private static void progress(String step) {
        System.out.printf(Locale.ROOT, "bench: %5.1f s  %s%n", (System.nanoTime() - START) / 1e9, step);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine, for the record: processors, memory, system and JDK. */
    static final class Machine {

        private Machine() {
        }

        static String describe() {
            String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name").map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse(System.getProperty("os.arch"));
            String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal")
                    .map(l -> String.format(Locale.ROOT, "%.1f GB RAM",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024 / 1e9))
                    .orElse("RAM unknown");
            String load = firstLine(Path.of("/proc/loadavg"), "").map(l -> ", load average " + l.split(" ")[0]
                    + " when the run ended").orElse("");
            return Runtime.getRuntime().availableProcessors() + " CPUs (nproc; " + cpu + "), " + memory + load + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; JDK "
                    + Runtime.version() + " (" + System.getProperty("java.vendor") + ") for the runner and every"
                    + " Lambda JVM";
        }

        private static Optional<String> firstLine(Path file, String prefix) {
            try {
                return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
