package kz.senim.local.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The fauxqs SNS/SQS emulator (npm {@code fauxqs}, pinned in {@code local/engines/src/main/node}) as a child
 * {@code node} process listening on 127.0.0.1.
 *
 * <p>fauxqs keeps everything in memory, delivers SNS publishes to SQS subscriptions (SNS envelope or raw), applies
 * subscription filter policies on message attributes or body, and uses account {@value #ACCOUNT_ID} with the
 * region the client signs for ({@code eu-central-1} here): topic ARNs are
 * {@code arn:aws:sns:eu-central-1:000000000000:<name>}.
 *
 * <p>System properties: {@code senim.fauxqs.dir} (package folder; default: {@code local/engines/src/main/node}
 * found above the working directory), {@code senim.node} (node executable; default {@code node} on the PATH),
 * {@code senim.fauxqs.log=true} (forward fauxqs request logs to stderr).
 *
 * <p>The child exits when its stdin closes, i.e. when this JVM exits however it exits; a shutdown hook and
 * {@link #close()} also stop it.
 */
public final class SnsEmulator implements SnsEngine {

    /** Account id fauxqs puts in every ARN and queue URL. */
    public static final String ACCOUNT_ID = "000000000000";

    static final String NODE_PROPERTY = "senim.node";
    static final String LOG_PROPERTY = "senim.fauxqs.log";
    private static final String READY = "SENIM_FAUXQS_READY ";
    private static final String FAILED = "SENIM_FAUXQS_FAILED ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final Thread shutdownHook;
    private final URI endpoint;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SnsEmulator(Process process, Thread shutdownHook, int port) {
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.sns = AwsClients.build(SnsClient.builder(), endpoint);
        this.sqs = AwsClients.build(SqsClient.builder(), endpoint);
    }

    /** Starts fauxqs on a free loopback port and waits until it answers. */
    public static SnsEmulator start() {
        return start(0);
    }

    /** Starts fauxqs on {@code port} (0 = any free port) of 127.0.0.1 and waits until it answers. */
    public static SnsEmulator start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535: " + port);
        }
        Path dir = FauxqsPackage.locate();
        String node = System.getProperty(NODE_PROPERTY, "node");
        boolean log = Boolean.getBoolean(LOG_PROPERTY);
        ProcessBuilder builder = new ProcessBuilder(node, FauxqsPackage.LAUNCHER)
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("FAUXQS_PORT", Integer.toString(port));
        builder.environment().put("FAUXQS_DEFAULT_REGION", AwsClients.REGION.id());
        builder.environment().put("FAUXQS_LOGGER", Boolean.toString(log));
        builder.environment().put("SENIM_FAUXQS_LISTEN_HOST", "127.0.0.1");

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("SnsEmulator runs fauxqs with Node.js 20 or newer, but `" + node
                    + "` could not be started (" + e.getMessage() + "). Install Node.js and put `node` on the PATH,"
                    + " or pass -D" + NODE_PROPERTY + "=/path/to/node", e);
        }
        Thread hook = new Thread(() -> destroyTree(process), "fauxqs-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        Output output = new Output(process, log);
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            int actualPort = output.ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            URI endpoint = URI.create("http://127.0.0.1:" + actualPort);
            awaitHealthy(endpoint, deadline, process);
            return new SnsEmulator(process, hook, actualPort);
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            destroyTree(process);
            removeHook(hook);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("fauxqs did not start (" + dir.resolve(FauxqsPackage.LAUNCHER) + "): "
                    + cause.getMessage() + output.tail(), cause);
        }
    }

    /** Polls {@code GET /health} until fauxqs answers 200. */
    private static void awaitHealthy(URI endpoint, long deadline, Process process) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        IOException last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("GET " + health.uri() + " never answered 200"
                + (last == null ? "" : " (" + last + ")") + (process.isAlive() ? "" : "; node exited"));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public Region region() {
        return AwsClients.REGION;
    }

    @Override
    public String accountId() {
        return ACCOUNT_ID;
    }

    @Override
    public SnsClient sns() {
        return sns;
    }

    @Override
    public SqsClient sqs() {
        return sqs;
    }

    /** The node process (for diagnostics). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Closes the clients and stops the node process and anything it started. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        AwsClients.closeQuietly(sns, sqs);
        destroyTree(process);
        removeHook(shutdownHook);
    }

    /** Closing stdin lets fauxqs shut down by itself; then SIGTERM, then SIGKILL, children first. */
    private static void destroyTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        } finally {
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    @Override
    public String toString() {
        return "SnsEmulator[" + endpoint + ", pid " + process.pid() + "]";
    }

    /** Drains the child's stdout+stderr (so it never blocks on a full pipe) and spots the ready line. */
    private static final class Output {
        private static final int KEPT_LINES = 40;
        final CompletableFuture<Integer> ready = new CompletableFuture<>();
        private final Deque<String> lines = new ArrayDeque<>();

        Output(Process process, boolean forward) {
            Thread reader = new Thread(() -> drain(process, forward), "fauxqs-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void drain(Process process, boolean forward) {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!ready.isDone() && line.startsWith(READY)) {
                        ready.complete(Integer.parseInt(line.substring(READY.length()).trim()));
                        continue;
                    }
                    if (!ready.isDone() && line.startsWith(FAILED)) {
                        remember(line);
                        ready.completeExceptionally(new IllegalStateException(line.substring(FAILED.length())));
                        continue;
                    }
                    remember(line);
                    if (forward) {
                        System.err.println("[fauxqs] " + line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("node exited before fauxqs was ready"
                    + exitCode(process)));
        }

        private static String exitCode(Process process) {
            try {
                return process.waitFor(1, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }

        private synchronized void remember(String line) {
            if (lines.size() == KEPT_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        synchronized String tail() {
            return lines.isEmpty() ? "" : "\n--- node output ---\n" + String.join("\n", lines);
        }
    }
}
