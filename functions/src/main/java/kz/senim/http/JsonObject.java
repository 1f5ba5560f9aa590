package kz.senim.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import kz.senim.cases.InvalidInput.Violation;
import kz.senim.cases.InvalidInput;

/**
 * A request body parsed strictly (no duplicate keys, no trailing data, bounded depth) with typed accessors that fail
 * with an {@link InvalidInput} naming the field. Types are never coerced: {@code "true"} is not a boolean.
 */
public final class JsonObject {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxStringLength(64 * 1024)
                .build());
    }

    private final JsonNode node;

    private JsonObject(JsonNode node) {
        this.node = node;
    }

    public static JsonObject parse(String text) {
        JsonNode node;
        try (JsonParser parser = STRICT.createParser(text)) {
            node = STRICT.readTree(parser);
            if (parser.nextToken() != null) {
                throw new BadRequest(Problem.badRequest("invalid_json", "problem.invalid_json", "body"));
            }
        } catch (JsonProcessingException e) {
            throw new BadRequest(Problem.badRequest("invalid_json", "problem.invalid_json", "body"));
        } catch (java.io.IOException e) {
            throw new BadRequest(Problem.badRequest("invalid_json", "problem.invalid_json", "body"));
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest(Problem.badRequest("invalid_json", "problem.not_json_object", "body"));
        }
        return new JsonObject(node);
    }

    /** Refuses any field not in {@code allowed}, naming the first such field. */
    public JsonObject allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInput(safeName(name), Violation.UNKNOWN);
            }
        }
        return this;
    }

    public String text(String field) {
        return optionalText(field).orElseThrow(() -> new InvalidInput(field, Violation.MISSING));
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInput(field, Violation.MUST_BE_TEXT);
        }
        return Optional.of(value.textValue());
    }

    public boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInput(field, Violation.MISSING);
        }
        if (!value.isBoolean()) {
            throw new InvalidInput(field, Violation.MUST_BE_BOOLEAN);
        }
        return value.booleanValue();
    }

    /** A field whose text must be one of a closed set of codes. */
    public <T> T code(String field, Function<String, Optional<T>> parse, Iterable<String> allowed) {
        String text = text(field);
        return parse.apply(text)
                .orElseThrow(() -> new InvalidInput(field, Violation.NOT_ALLOWED_VALUE, String.join(", ", allowed)));
    }

    /** Unknown field names are echoed in errors, so only a short, plain form of them. */
    private static String safeName(String name) {
        if (name.isEmpty()) {
            return "\"\"";
        }
        String plain = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
    }
}
