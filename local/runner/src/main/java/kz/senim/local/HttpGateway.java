package kz.senim.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.senim.http.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API in front of the functions: each request becomes an API Gateway HTTP API v2 event for the function
 * whose route matches (the template's {@code HttpApi} events), and the function's answer goes back as the HTTP
 * response. A route with an authorizer needs a valid token from the local issuer, as the JWT authorizer checks it in
 * AWS: without one the answer is {@code 401 {"message":"Unauthorized"}} and the function is not invoked. A route's
 * throttle (the template's route settings) is checked first, as API Gateway does: beyond it, {@code 429} with
 * {@code Retry-After}, never keyed by who calls. The gateway's own refusals are problems in the caller's language: a
 * body over {@value #MAX_BODY_BYTES} bytes is {@code 413}, a method a known path does not take {@code 405} with
 * {@code Allow} (API Gateway answers {@code 404 {"message":"Not Found"}} there). One virtual thread per request. Also
 * serves the staff console under {@code /console/}, and the runner's own endpoints under {@code /local/} when it
 * listens on loopback only.
 */
final class HttpGateway implements AutoCloseable {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of a refused body is still read (and dropped) before the answer, so the sender can read it. */
    private static final long DRAIN_BYTES = 8L * MAX_BODY_BYTES;
    static final String ALERTS_PATH = LocalEndpoints.ALERTS;
    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    private final HttpServer server;
    private final Clock clock;
    private final ConsoleAssets console = ConsoleAssets.fromClasspath();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile List<HttpRoute> routes = List.of();
    private volatile LocalEndpoints local;
    private volatile LocalJwt jwt;

    private HttpGateway(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /**
     * Takes {@code host:port} (port 0: any free port) now, so that a port in use stops Senim before anything else.
     *
     * @param clock the time of the requests ({@code requestContext.timeEpoch})
     */
    static HttpGateway bind(String host, int port, Clock clock) throws IOException {
        return new HttpGateway(HttpServer.create(new InetSocketAddress(host, port), 0), clock);
    }

    /**
     * Starts answering: the routes most specific first, each request on its own virtual thread.
     *
     * @param localEndpoints the runner's own endpoints, or null: then {@code /local/*} does not exist
     * @param authorizer checks the tokens of routes with an authorizer (null if no route has one)
     */
    void start(List<HttpRoute> httpRoutes, LocalEndpoints localEndpoints, LocalJwt authorizer) {
        this.routes = httpRoutes.stream().sorted(HttpRoute.MOST_SPECIFIC_FIRST).toList();
        this.local = localEndpoints;
        this.jwt = authorizer;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Whether only this machine reaches the gateway: it listens on a loopback address. */
    boolean loopbackOnly() {
        return server.getAddress().getAddress().isLoopbackAddress();
    }

    /** The address it listens on, e.g. {@code 127.0.0.1:8080} or {@code [::1]:8080}. */
    String address() {
        String address = server.getAddress().getAddress().getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port();
    }

    List<HttpRoute> routes() {
        return routes;
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        String requestId = HttpApiEvents.newRequestId();
        try (exchange) {
            HttpApiEvents.Reply reply;
            try {
                reply = answer(exchange, requestId);
            } catch (RuntimeException bug) {
                // The function (or this gateway) failed: API Gateway answers 500 and says no more.
                LOG.error("request {} failed: {}{}", requestId, bug.getClass().getName(), firstFrame(bug));
                reply = HttpApiEvents.message(500, "Internal Server Error", requestId);
            }
            send(exchange, reply);
        } catch (IOException clientGone) {
            LOG.debug("request {}: the client went away", requestId);
        }
    }

    private HttpApiEvents.Reply answer(HttpExchange exchange, String requestId) throws IOException {
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String rawPath = uri.getRawPath();
        Optional<byte[]> body = readBody(exchange);
        HttpApiEvents.Request request = new HttpApiEvents.Request(method, rawPath, uri.getRawQuery(),
                headers(exchange), body.orElse(new byte[0]), exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getLocalAddress().getPort());
        if (body.isEmpty()) {
            LOG.info("request {}: body over {} bytes", requestId, MAX_BODY_BYTES);
            return HttpApiEvents.problem(Problem.bodyTooLarge(MAX_BODY_BYTES), request, requestId, clock.instant(),
                    List.of());
        }
        if (ConsoleAssets.owns(rawPath)) {
            return console.answer(method, rawPath, requestId);
        }
        if (local != null && rawPath.startsWith(LocalEndpoints.PREFIX)) {
            Optional<HttpApiEvents.Reply> reply = local.answer(method, rawPath, uri.getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Host"), body.get(), requestId);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
        Set<String> allowed = new TreeSet<>();
        for (HttpRoute route : routes) {
            Optional<Map<String, String>> pathParameters = route.match(method, rawPath);
            if (pathParameters.isEmpty()) {
                route.matchPath(rawPath).ifPresent(other -> allowed.add(route.method()));
                continue;
            }
            OptionalLong wait = route.throttle().map(RouteThrottle::take).orElse(OptionalLong.empty());
            if (wait.isPresent()) {
                LOG.info("request {}: {} throttled", requestId, route.routeKey());
                return HttpApiEvents.problem(Problem.tooManyRequests(), request, requestId, clock.instant(),
                        List.of(Map.entry("Retry-After", Long.toString(wait.getAsLong()))));
            }
            Optional<LocalJwt.Verified> caller = Optional.empty();
            if (route.authorizer().isPresent()) {
                caller = jwt.verify(exchange.getRequestHeaders().getFirst("Authorization"));
                if (caller.isEmpty()) {
                    return HttpApiEvents.message(401, "Unauthorized", requestId);
                }
            }
            APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, route.routeKey(), pathParameters.get(),
                    requestId, clock.instant());
            caller.ifPresent(verified -> HttpApiEvents.authorize(event, verified));
            APIGatewayV2HTTPResponse response = route.function().invoke(event);
            return HttpApiEvents.toReply(response, requestId);
        }
        if (!allowed.isEmpty()) {
            String allow = String.join(", ", allowed);
            return HttpApiEvents.problem(Problem.methodNotAllowed(allow), request, requestId, clock.instant(),
                    List.of(Map.entry("Allow", allow)));
        }
        return HttpApiEvents.message(404, "Not Found", requestId);
    }

    /** The body, or empty when it is larger than {@value #MAX_BODY_BYTES} bytes. */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    discard(exchange);
                    return Optional.empty();
                }
            } catch (NumberFormatException ignored) {
                // the JDK server would have refused it; read and count instead
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                body.write(buffer, 0, read);
                if (body.size() > MAX_BODY_BYTES) {
                    discard(exchange);
                    return Optional.empty();
                }
            }
        }
        return Optional.of(body.toByteArray());
    }

    /**
     * Reads and drops the rest of a refused body, up to {@value #DRAIN_BYTES} bytes, so that a client still sending it
     * reads the 413 instead of a connection closed under it; a longer body is cut off by the close.
     */
    private static void discard(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            long left = DRAIN_BYTES;
            for (int read; left > 0 && (read = in.read(buffer)) >= 0; ) {
                left -= read;
            }
        }
    }

    private static List<Map.Entry<String, String>> headers(HttpExchange exchange) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        return headers;
    }

    private static void send(HttpExchange exchange, HttpApiEvents.Reply reply) throws IOException {
        reply.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
        boolean noBody = reply.body().length == 0 || reply.status() == 204 || reply.status() == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** Where it failed, without the exception's message (which might quote a request). */
    private static String firstFrame(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length == 0 ? "" : " at " + stack[0];
    }
}
