package kz.senim.local.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.monitoring.Telemetry;
import software.amazon.dynamodb.services.local.monitoring.TelemetryUtil;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * AWS DynamoDB Local 3.x running in this JVM as an HTTP server on 127.0.0.1, in memory or persisted in a
 * directory, with telemetry disabled.
 *
 * <p>How it starts: the options are parsed by DynamoDB Local's own {@link CommandLineInput} (so
 * {@code -disableTelemetry}, {@code -sharedDb}, {@code -inMemory} / {@code -dbPath} mean exactly what they mean
 * for {@code java -jar DynamoDBLocal.jar}), telemetry is configured as {@link ServerRunner#createServer} does
 * (disabled), and the same request/server handlers are mounted — but on a Jetty connector bound to the loopback
 * interface, on port 0 unless a port is given, instead of {@code ServerRunner}'s connector on all interfaces
 * at a fixed port. That makes the port free by construction (no probe-then-bind race) and keeps the database
 * off the network. The sqlite4java native library is bundled in the DynamoDB Local jar and extracted by its
 * loader: no {@code sqlite4java.library.path} is needed. On JDK 24+ add
 * {@code --enable-native-access=ALL-UNNAMED} to the test JVM to silence the restricted-method warning.
 *
 * <p>{@code -sharedDb}: one database for every access key and region, so code under test sees the same tables
 * whatever region or credentials it was configured with.
 */
public final class EmbeddedDynamoDb implements DynamoDbEngine {

    private static final String LOOPBACK = "127.0.0.1";

    /** Strong reference: java.util.logging forgets levels of loggers nobody holds. */
    private static final Logger SQLITE4JAVA_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private final Server jetty;
    private final LocalDynamoDBServerHandler handler;
    private final CommandLineInput options;
    private final URI endpoint;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streamsClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDynamoDb(Server jetty, LocalDynamoDBServerHandler handler, CommandLineInput options, int port) {
        this.jetty = jetty;
        this.handler = handler;
        this.options = options;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + port);
        this.client = AwsClients.build(DynamoDbClient.builder(), endpoint);
        this.streamsClient = AwsClients.build(DynamoDbStreamsClient.builder(), endpoint);
    }

    /** In-memory engine on a free loopback port; data is gone when it is closed. */
    public static EmbeddedDynamoDb inMemory() {
        return inMemory(0);
    }

    /** In-memory engine on {@code port} (0 = any free port). */
    public static EmbeddedDynamoDb inMemory(int port) {
        return start(null, port);
    }

    /**
     * Engine persisted in {@code dir} (created if missing; the data file is {@code shared-local-instance.db}),
     * on a free loopback port: a later engine on the same directory sees the same tables and items.
     * Do not open two engines on one directory at the same time.
     */
    public static EmbeddedDynamoDb inDirectory(Path dir) {
        return inDirectory(dir, 0);
    }

    /** Engine persisted in {@code dir} on {@code port} (0 = any free port). */
    public static EmbeddedDynamoDb inDirectory(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the DynamoDB Local directory " + dir, e);
        }
        return start(dir.toAbsolutePath(), port);
    }

    private static EmbeddedDynamoDb start(Path dir, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535: " + port);
        }
        SQLITE4JAVA_LOG.setLevel(Level.WARNING);
        List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-sharedDb"));
        if (dir == null) {
            args.add("-inMemory");
        } else {
            args.add("-dbPath");
            args.add(dir.toString());
        }
        CommandLineInput options = parse(args);
        // What ServerRunner.createServer does first; with -disableTelemetry this records "disabled" and creates
        // no Pinpoint client (and this server never emits the start-up event: that lives in DynamoDBProxyServer).
        Telemetry.configureTelemetry(
                TelemetryUtil.SETUP_TYPE.MAVEN.name(),
                ServerRunner.getSetupMode(options),
                TelemetryUtil.isTelemetryEnabled(options.isDisableTelemetry()));

        LocalDynamoDBServerHandler handler;
        try {
            handler = new LocalDynamoDBServerHandler(
                    new LocalDynamoDBRequestHandler(
                            0,
                            options.isInMemory(),
                            options.getDbPath(),
                            options.getSharedDb(),
                            options.shouldDelayTransientStatuses()),
                    options.getCorsParams());
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local could not open its database (" + args + ")", e);
        }

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("dynamodb-local");
        threads.setDaemon(true); // a forgotten engine must not keep a JVM alive
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        jetty.addConnector(connector);
        ContextHandler context = new ContextHandler();
        context.setHandler(handler);
        jetty.setHandler(new ContextHandlerCollection(context));
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            handler.close();
            throw new IllegalStateException(
                    "DynamoDB Local could not listen on " + LOOPBACK + ":" + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedDynamoDb(jetty, handler, options, connector.getLocalPort());
    }

    private static CommandLineInput parse(List<String> args) {
        try {
            CommandLineInput options = new CommandLineInput(args.toArray(String[]::new));
            if (!options.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its options " + args);
            }
            return options;
        } catch (org.apache.commons.cli.ParseException e) {
            throw new IllegalStateException("DynamoDB Local rejected its options " + args, e);
        }
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
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public DynamoDbStreamsClient streamsClient() {
        return streamsClient;
    }

    /** The port the engine listens on (127.0.0.1). */
    public int port() {
        return endpoint.getPort();
    }

    /** True if this engine is persisted in a directory, false if in memory. */
    public boolean persisted() {
        return !options.isInMemory();
    }

    /** Whether DynamoDB Local parsed {@code -disableTelemetry} for this engine (always true). */
    boolean telemetryDisabled() {
        return options.isDisableTelemetry() && !TelemetryUtil.isTelemetryEnabled(options.isDisableTelemetry());
    }

    /** Stops the server and closes the database (flushing a persisted one) and the clients. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        AwsClients.closeQuietly(client, streamsClient);
        stopQuietly(jetty);
        handler.close();
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDynamoDb[" + endpoint + (persisted() ? ", dbPath=" + options.getDbPath() : ", in memory") + "]";
    }
}
