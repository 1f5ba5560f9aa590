package kz.senim.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kz.senim.bench.lambda.LambdaJvm;

/**
 * Starts fresh JVMs of {@link LambdaJvm} on the Lambda jar with a function's environment and nothing else (so the
 * template's {@code JAVA_TOOL_OPTIONS} apply as in Lambda, and no variable of this machine leaks in), and reads what
 * they measured. Each JVM's output goes to {@code <work>/<name>.log}.
 */
final class LambdaJvms {

    private static final long TIMEOUT_SECONDS = 180;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String classpath;
    private final Path work;

    /** What one JVM measured, in milliseconds from just before it was started. */
    record Run(double initMs, double invokeMs, boolean ok, String outcome, String detail) {

        double totalMs() {
            return initMs + invokeMs;
        }
    }

    LambdaJvms(Path lambdaJar, Path work) {
        if (!Files.isRegularFile(lambdaJar)) {
            throw new IllegalStateException(lambdaJar + " is missing: build it first (./senim package)");
        }
        this.classpath = String.join(File.pathSeparator, lambdaJar.toAbsolutePath().toString(),
                codeSource(LambdaJvm.class), codeSource(LambdaEventSerializers.class));
        this.work = work;
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JVM start, the handler made, one invocation of {@code event}. */
    Run handler(String name, Map<String, String> environment, String handlerClass, Path event) {
        Path result = work.resolve(name + ".properties");
        return timed(name, environment, List.of("handler", handlerClass, event.toString(), result.toString()), result);
    }

    /** JVM start, the SDK clients built, one call (see {@link LambdaJvm}). */
    Run bare(String name, Map<String, String> environment, Properties call) {
        Path callFile = work.resolve(name + ".call.properties");
        Path result = work.resolve(name + ".properties");
        try (OutputStream out = Files.newOutputStream(callFile)) {
            call.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return timed(name, environment, List.of("bare", callFile.toString(), result.toString()), result);
    }

    /** Warm invocations: {@code warmups} untimed, then {@code invokes} timed, each with a fresh {@code placeholder}. */
    Properties warm(String name, Map<String, String> environment, String handlerClass, Path event, int warmups,
                    int invokes, String placeholder) {
        Path result = work.resolve(name + ".properties");
        start(name, environment, List.of("warm", handlerClass, event.toString(), result.toString(),
                Integer.toString(warmups), Integer.toString(invokes), placeholder), result);
        return load(result);
    }

    private Run timed(String name, Map<String, String> environment, List<String> args, Path result) {
        long spawned = start(name, environment, args, result);
        Properties measured = load(result);
        boolean ok = Boolean.parseBoolean(measured.getProperty("ok"));
        if (measured.getProperty("constructedAt") == null || measured.getProperty("invokedAt") == null) {
            return new Run(Double.NaN, Double.NaN, false, measured.getProperty("error", "failed"),
                    "see " + work.resolve(name + ".log"));
        }
        long constructed = Long.parseLong(measured.getProperty("constructedAt"));
        long invoked = Long.parseLong(measured.getProperty("invokedAt"));
        return new Run((constructed - spawned) / 1000.0, (invoked - constructed) / 1000.0, ok,
                measured.getProperty("outcome", ""), measured.getProperty("body", ""));
    }

    /** Starts the JVM, waits for it, returns when it was started (epoch microseconds). */
    private long start(String name, Map<String, String> environment, List<String> args, Path result) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classpath, LambdaJvm.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.deleteIfExists(result);
            long spawned = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (!Files.exists(result)) {
                throw new IllegalStateException(name + " measured nothing (exit " + process.exitValue() + "): see "
                        + work.resolve(name + ".log"));
            }
            return spawned;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + java, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
