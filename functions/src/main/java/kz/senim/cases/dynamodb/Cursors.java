package kz.senim.cases.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kz.senim.cases.InvalidInput;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Page cursors of index queries: the last evaluated key (string attributes only) as base64url JSON. A cursor is taken
 * back only with exactly the key attributes of its index and for the same index partition it came from; anything else
 * is refused naming {@code cursor}.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CURSOR = 1024;
    private static final int MAX_VALUE = 200;

    private Cursors() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        Map<String, String> plain = new HashMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param attributes     the key attributes of the index: table key and index key
     * @param partition      the index's partition key attribute
     * @param partitionValue the partition the query reads, which the cursor must be from
     */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> attributes, String partition,
            String partitionValue) {
        if (cursor.length() > MAX_CURSOR) {
            throw refused();
        }
        Map<String, String> plain;
        try {
            plain = JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<Map<String, String>>() { });
        } catch (IllegalArgumentException | IOException e) {
            throw refused();
        }
        boolean wellFormed = plain != null && plain.keySet().equals(attributes)
                && plain.values().stream().allMatch(v -> v != null && !v.isEmpty() && v.length() <= MAX_VALUE)
                && partitionValue.equals(plain.get(partition));
        if (!wellFormed) {
            throw refused();
        }
        Map<String, AttributeValue> key = new HashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }

    private static InvalidInput refused() {
        return new InvalidInput("cursor", InvalidInput.Violation.NOT_ALLOWED_VALUE, "a cursor from a page");
    }
}
