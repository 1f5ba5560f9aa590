package kz.senim.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import kz.senim.cases.InvalidInput;

/**
 * Paging of the in-memory fakes, as the DynamoDB adapters page an index: items in the order of their sort key, a page
 * after the cursor's key, and a full page carries the cursor of its last item (so a page that is exactly the last one
 * is followed by an empty page). A cursor is opaque, and taken back only for the partition it came from and only
 * whole; anything else is refused naming {@code cursor}, as {@code Cursors} refuses it.
 */
public final class FakeCursors {

    /** Fixed width, so text order is time order. */
    public static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** What {@link #SORTABLE} writes, as a regular expression. */
    public static final String SORTABLE_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z";
    /** A case's reference, as a regular expression. */
    public static final String REFERENCE_FORMAT = "SN(-[0-9A-HJKMNP-TV-Z]{4}){3}";
    private static final int MAX_CURSOR = 1024;
    private static final String SEPARATOR = "\u001F";

    private FakeCursors() {
    }

    public record Page<T>(List<T> items, Optional<String> nextCursor) {
    }

    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    /**
     * @param matches   the partition's items that match the query, in any order
     * @param sortKey   an item's sort key in the index; keys are unique and match {@code keyFormat}
     * @param partition the index partition the query reads, which a cursor must come from
     */
    public static <T> Page<T> page(List<T> matches, Function<T, String> sortKey, Pattern keyFormat, String partition,
            int limit, Optional<String> cursor) {
        Optional<String> after = cursor.map(c -> decode(c, keyFormat, partition));
        List<T> page = matches.stream()
                .filter(item -> after.map(key -> sortKey.apply(item).compareTo(key) > 0).orElse(true))
                .sorted(Comparator.comparing(sortKey))
                .limit(limit)
                .toList();
        Optional<String> next = page.size() == limit && !page.isEmpty()
                ? Optional.of(encode(partition, sortKey.apply(page.getLast()))) : Optional.empty();
        return new Page<>(page, next);
    }

    private static String encode(String partition, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((partition + SEPARATOR + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, Pattern keyFormat, String partition) {
        if (cursor.length() > MAX_CURSOR) {
            throw refused();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        String[] parts = plain.split(SEPARATOR, -1);
        if (parts.length != 2 || !parts[0].equals(partition) || !keyFormat.matcher(parts[1]).matches()) {
            throw refused();
        }
        return parts[1];
    }

    private static InvalidInput refused() {
        return new InvalidInput("cursor", InvalidInput.Violation.NOT_ALLOWED_VALUE, "a cursor from a page");
    }
}
