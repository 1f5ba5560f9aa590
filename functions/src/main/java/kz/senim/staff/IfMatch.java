package kz.senim.staff;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.cases.InvalidInput;
import kz.senim.http.HttpRequest;

/**
 * Optimistic locking over HTTP: responses carry the version as a strong {@code ETag: "<version>"}; a change must send
 * it back in {@code If-Match} (quoted or bare). Missing or malformed, the request is refused naming the header.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    private static final Pattern VERSION = Pattern.compile("\"?([0-9]{1,18})\"?");

    private IfMatch() {
    }

    public static long version(HttpRequest request) {
        String value = request.header(HEADER)
                .orElseThrow(() -> new InvalidInput(HEADER, InvalidInput.Violation.MISSING)).strip();
        Matcher matcher = VERSION.matcher(value);
        boolean quotedOrBare = value.startsWith("\"") == value.endsWith("\"");
        if (!matcher.matches() || !quotedOrBare) {
            throw new InvalidInput(HEADER, InvalidInput.Violation.NOT_ALLOWED_VALUE);
        }
        return Long.parseLong(matcher.group(1));
    }

    public static Map<String, String> etag(long version) {
        return Map.of("ETag", "\"" + version + "\"");
    }
}
