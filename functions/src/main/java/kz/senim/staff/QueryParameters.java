package kz.senim.staff;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.senim.http.BadRequest;
import kz.senim.http.HttpRequest;
import kz.senim.http.Problem;

/** Query parameters of list endpoints, refused with a localized 400 that names the parameter. */
public final class QueryParameters {

    static final int MAX_CURSOR = 1024;

    private QueryParameters() {
    }

    public static <T> T required(HttpRequest request, String name, Function<String, Optional<T>> parse,
            List<String> allowed) {
        String text = request.query(name).orElseThrow(() -> new BadRequest(
                Problem.badRequest("missing_field", "problem.missing_parameter", name)));
        return parse.apply(text).orElseThrow(() -> invalid(name, allowed));
    }

    public static <T> Optional<T> optional(HttpRequest request, String name, Function<String, Optional<T>> parse,
            List<String> allowed) {
        return request.query(name).map(text -> parse.apply(text).orElseThrow(() -> invalid(name, allowed)));
    }

    /** {@code limit}: a whole number from 1 to {@code max}, {@code byDefault} when absent. */
    public static int limit(HttpRequest request, int byDefault, int max) {
        Optional<String> text = request.query("limit");
        if (text.isEmpty()) {
            return byDefault;
        }
        if (!text.get().matches("[0-9]{1,3}")) {
            throw invalid("limit", List.of("1–" + max));
        }
        int limit = Integer.parseInt(text.get());
        if (limit < 1 || limit > max) {
            throw invalid("limit", List.of("1–" + max));
        }
        return limit;
    }

    /** {@code cursor}: the {@code nextCursor} of an earlier page, passed back as it was. */
    public static Optional<String> cursor(HttpRequest request) {
        Optional<String> cursor = request.query("cursor");
        if (cursor.isPresent() && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR)) {
            throw new BadRequest(invalidCursor());
        }
        return cursor;
    }

    public static Problem invalidCursor() {
        return Problem.badRequest("invalid_field", "problem.invalid_cursor", "cursor");
    }

    private static BadRequest invalid(String name, List<String> allowed) {
        return new BadRequest(Problem.invalidParameter(name, String.join(", ", allowed)));
    }
}
