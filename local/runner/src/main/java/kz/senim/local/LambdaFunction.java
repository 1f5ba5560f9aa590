package kz.senim.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import kz.senim.wiring.Wiring;

/**
 * One function of the template as Lambda runs it: each execution environment is a handler instance with its own
 * {@link Wiring} (own AWS clients, own caches), made from the function's environment variables, and handles one
 * event at a time. Concurrent events get more environments; idle ones are reused ("warm").
 *
 * @param <I> event type
 * @param <O> response type
 */
final class LambdaFunction<I, O> implements AutoCloseable {

    private final String logicalId;
    private final String handlerClass;
    private final Map<String, String> environment;
    private final Function<Wiring, RequestHandler<I, O>> factory;
    private final Clock clock;
    private final String functionName;
    private final String functionArn;
    private final int memoryMb;
    private final Duration timeout;
    private final ConcurrentLinkedDeque<RequestHandler<I, O>> idle = new ConcurrentLinkedDeque<>();
    private final List<Wiring> wirings = new CopyOnWriteArrayList<>();

    /** @param clock the time every environment's {@link Wiring} reads (the system clock, unless a test moves it) */
    LambdaFunction(Deployment deployment, String logicalId, String handlerClass,
                   Function<Wiring, RequestHandler<I, O>> factory, Clock clock) {
        this.logicalId = logicalId;
        this.handlerClass = handlerClass;
        this.environment = deployment.environment(logicalId);
        this.factory = factory;
        this.clock = clock;
        var properties = deployment.template().functionProperties(logicalId);
        this.functionName = Deployment.STACK_NAME + "-" + logicalId;
        this.functionArn = "arn:aws:lambda:" + deployment.region() + ":" + deployment.accountId() + ":function:"
                + functionName;
        this.memoryMb = properties.path("MemorySize").asInt(128);
        this.timeout = Duration.ofSeconds(properties.path("Timeout").asInt(3));
    }

    /** A factory that calls the handler's public constructor taking a {@link Wiring}, as every Senim handler has. */
    @SuppressWarnings("unchecked")
    static <I, O> Function<Wiring, RequestHandler<I, O>> byWiringConstructor(String handlerClass) {
        Constructor<?> constructor;
        try {
            Class<?> type = Class.forName(handlerClass);
            if (!RequestHandler.class.isAssignableFrom(type)) {
                throw new IllegalStateException(handlerClass + " is not a RequestHandler");
            }
            constructor = type.getConstructor(Wiring.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("handler " + handlerClass + " needs a public constructor taking a Wiring", e);
        }
        return wiring -> {
            try {
                return (RequestHandler<I, O>) constructor.newInstance(wiring);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    String logicalId() {
        return logicalId;
    }

    String handlerClass() {
        return handlerClass;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Starts one environment now (a provisioned one), so that a configuration error stops the runner at start. */
    void warmUp() {
        idle.push(newInstance());
    }

    /** Runs the event in an idle environment, or a new one, like a Lambda invocation. */
    O invoke(I event) {
        RequestHandler<I, O> handler = idle.poll();
        if (handler == null) {
            handler = newInstance();
        }
        try {
            return handler.handleRequest(event, LocalContext.start(functionName, functionArn, memoryMb, timeout));
        } finally {
            idle.push(handler);
        }
    }

    private RequestHandler<I, O> newInstance() {
        Wiring wiring = new Wiring(environment::get, clock);
        wirings.add(wiring);
        return factory.apply(wiring);
    }

    /** Closes the AWS clients of every environment (Wiring makes them on first use; making one to close it is cheap). */
    @Override
    public void close() {
        for (Wiring wiring : wirings) {
            closeQuietly(wiring.dynamoDb());
            closeQuietly(wiring.sns());
        }
        wirings.clear();
        idle.clear();
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // best effort on the way out
        }
    }
}
