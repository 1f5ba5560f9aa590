package kz.senim.infrastructure;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads CloudFormation YAML into a JSON tree in which every short-form intrinsic function ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub s}, {@code !If [..]} …) has become its long form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::Sub": s}}, {@code {"Fn::If": [..]}}), exactly as CloudFormation
 * itself reads it. A plain YAML mapper would either reject these tags or silently drop them.
 */
final class CloudFormationYaml {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    static JsonNode read(String yaml) {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("the template is empty");
            }
            JsonNode document = value(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("a template is a single YAML document");
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode value(YAMLParser parser) throws IOException {
        // The tag belongs to the token the parser stands on now; read it before descending into a collection.
        String tag = parser.getTypeId();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalArgumentException(
                    "unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        };
        return isIntrinsicTag(tag) ? intrinsic(tag, node) : node;
    }

    private static ObjectNode object(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            var location = parser.currentLocation();
            parser.nextToken();
            if (object.has(key)) {
                throw new IllegalArgumentException("duplicate key '" + key + "' at " + location);
            }
            object.set(key, value(parser));
        }
        return object;
    }

    private static ArrayNode array(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    /** Local tags ({@code !Ref}) are intrinsics; global ones ({@code !!str}, resolved to {@code tag:yaml.org,…}) are not. */
    private static boolean isIntrinsicTag(String tag) {
        return tag != null && !tag.isEmpty() && !tag.contains(":");
    }

    private static JsonNode intrinsic(String tag, JsonNode argument) {
        return switch (tag) {
            case "Ref", "Condition" -> NODES.objectNode().set(tag, argument);
            case "GetAtt" -> NODES.objectNode().set("Fn::GetAtt", getAttArguments(argument));
            default -> NODES.objectNode().set("Fn::" + tag, argument);
        };
    }

    /** {@code !GetAtt Resource.Attribute.Part} is {@code ["Resource", "Attribute.Part"]}: the first dot splits. */
    private static JsonNode getAttArguments(JsonNode argument) {
        if (!argument.isTextual()) {
            return argument;
        }
        String text = argument.textValue();
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got '" + text + "'");
        }
        return NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
    }
}
