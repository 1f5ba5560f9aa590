package kz.senim.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The staff console at {@value #PATH}/: the static files of module {@code console/}, read from the classpath (the
 * console's jar, never the source tree), and {@code config.json}, which tells the console it runs against this
 * runner (local sign-in, the API on the same origin). What the AWS deployment's CloudFront response-headers policy
 * sets, this sets too: a strict Content-Security-Policy (no inline script or style, nothing from another origin, no
 * framing), {@code Referrer-Policy: no-referrer} and {@code nosniff}. Content-hashed files are cached for a year;
 * {@code index.html} and {@code config.json} are always revalidated.
 */
final class ConsoleAssets {

    static final String PATH = "/console";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** What the console reads at start: locally, sign-in with the runner's issuer and the API on this origin. */
    static final String LOCAL_CONFIG = "{\"mode\":\"local\",\"apiUrl\":\"\"}";
    static final String RESOURCES = "/kz/senim/console/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,100}\\.[a-z0-9]{1,8}");
    /** esbuild's entryNames [name]-[hash]: 8 base32 characters. */
    private static final Pattern HASHED = Pattern.compile(".+-[A-Z0-9]{8}\\.(js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json; charset=utf-8");

    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    private ConsoleAssets() {
    }

    /** @throws IllegalStateException when the console's jar is not on the classpath */
    static ConsoleAssets fromClasspath() {
        ConsoleAssets assets = new ConsoleAssets();
        if (assets.file("index.html").isEmpty()) {
            throw new IllegalStateException(RESOURCES + "index.html is not on the classpath: build module console/"
                    + " (./mvnw install -DskipTests)");
        }
        return assets;
    }

    /** Whether a request path belongs to the console. */
    static boolean owns(String rawPath) {
        return rawPath.equals(PATH) || rawPath.startsWith(PATH + "/");
    }

    /** The answer to a request under {@value #PATH}. */
    HttpApiEvents.Reply answer(String method, String rawPath, String requestId) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return reply(405, List.of(Map.entry("Allow", "GET, HEAD"), Map.entry("Cache-Control", "no-store"),
                    Map.entry("Content-Type", TYPES.get("json"))), message("Method Not Allowed"), requestId);
        }
        if (rawPath.equals(PATH)) {
            return reply(301, List.of(Map.entry("Location", PATH + "/"), Map.entry("Cache-Control", "no-store")),
                    new byte[0], requestId);
        }
        String name = rawPath.substring(PATH.length() + 1);
        if (name.isEmpty()) {
            name = "index.html";
        }
        if (name.equals("config.json")) {
            return reply(200, List.of(Map.entry("Content-Type", TYPES.get("json")), Map.entry("Cache-Control", "no-store")),
                    LOCAL_CONFIG.getBytes(StandardCharsets.UTF_8), requestId);
        }
        Optional<byte[]> body = FILE_NAME.matcher(name).matches() ? file(name) : Optional.empty();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (body.isEmpty() || type == null) {
            return reply(404, List.of(Map.entry("Content-Type", TYPES.get("json")), Map.entry("Cache-Control", "no-store")),
                    message("Not Found"), requestId);
        }
        return reply(200, List.of(Map.entry("Content-Type", type),
                Map.entry("Cache-Control", HASHED.matcher(name).matches() ? IMMUTABLE : REVALIDATE)), body.get(), requestId);
    }

    private Optional<byte[]> file(String name) {
        return files.computeIfAbsent(name, ConsoleAssets::read);
    }

    private static Optional<byte[]> read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + name, e);
        }
    }

    private static HttpApiEvents.Reply reply(int status, List<Map.Entry<String, String>> headers, byte[] body,
                                             String requestId) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.add(Map.entry("Content-Security-Policy", CSP));
        all.add(Map.entry("Referrer-Policy", "no-referrer"));
        all.add(Map.entry("X-Content-Type-Options", "nosniff"));
        all.add(Map.entry("X-Frame-Options", "DENY"));
        all.add(Map.entry("apigw-requestid", requestId));
        return new HttpApiEvents.Reply(status, all, body);
    }

    private static byte[] message(String text) {
        return ("{\"message\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
