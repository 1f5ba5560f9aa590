package kz.senim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The handler tests' real event JSON ({@code functions/src/test/resources/events/}), turned into events about live
 * data: the fixtures' reference, receipt, referral and link token replaced by those of a case in the runner.
 */
final class EventFixtures {

    /** The values the fixtures are written with. */
    static final String REFERENCE = "SN-7Q2K-9M4D-XW3P";
    static final String RECEIPT = "6XTB-R2MD-9KQ4-HN7C-3WZE";
    static final String REFERRAL = REFERENCE + ".R4K9Z";
    static final String LINK_TOKEN = "TOKEN";

    private final Path directory;

    EventFixtures(Path directory) {
        this.directory = directory;
    }

    /** A fixture with every occurrence of each key of {@code replacements} (in any string) replaced, in order. */
    ObjectNode load(String fixture, Map<String, String> replacements) {
        try {
            JsonNode event = RunnerClient.JSON.readTree(Files.readString(directory.resolve(fixture)));
            return (ObjectNode) replaceStrings(event, replacements);
        } catch (IOException e) {
            throw new UncheckedIOException("event fixture " + fixture, e);
        }
    }

    private static JsonNode replaceStrings(JsonNode node, Map<String, String> replacements) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                text = text.replace(replacement.getKey(), replacement.getValue());
            }
            return TextNode.valueOf(text);
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            ObjectNode copy = object.objectNode();
            for (String name : names) {
                String newName = name;
                for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                    newName = newName.replace(replacement.getKey(), replacement.getValue());
                }
                copy.set(newName, replaceStrings(object.get(name), replacements));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(replaceStrings(element, replacements)));
            return copy;
        }
        return node;
    }

    /** Sets a header of an HTTP API event (lower-case name, as API Gateway passes it) if the event has it. */
    static void replaceHeader(ObjectNode event, String name, String value) {
        if (event.path("headers") instanceof ObjectNode headers && headers.has(name)) {
            headers.put(name, value);
        }
    }

    /** Changes one field of the event's JSON body. */
    static void replaceBodyField(ObjectNode event, String field, String value) {
        try {
            ObjectNode body = (ObjectNode) RunnerClient.JSON.readTree(event.path("body").asText());
            body.put(field, value);
            event.put("body", body.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(ObjectNode event, Path file) {
        try {
            Files.writeString(file, event.toPrettyString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item image of a DynamoDB stream record ({@code {"S": ...}} and the like) as SDK values. */
    static Map<String, AttributeValue> item(JsonNode image) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = image.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), value(field.getValue()));
        }
        return item;
    }

    private static AttributeValue value(JsonNode typed) {
        Map.Entry<String, JsonNode> only = typed.fields().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> {
                List<String> values = new ArrayList<>();
                v.forEach(s -> values.add(s.asText()));
                yield AttributeValue.fromSs(values);
            }
            case "M" -> AttributeValue.fromM(item(v));
            case "L" -> {
                List<AttributeValue> values = new ArrayList<>();
                v.forEach(element -> values.add(value(element)));
                yield AttributeValue.fromL(values);
            }
            default -> throw new IllegalArgumentException("a stream image attribute of type " + only.getKey());
        };
    }
}
