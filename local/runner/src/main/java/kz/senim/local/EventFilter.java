package kz.senim.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code FilterCriteria} of a Lambda event source mapping, for DynamoDB stream records: a record is delivered when
 * any filter's pattern matches the record's JSON as Lambda sees it ({@code eventName}, {@code dynamodb.NewImage.kind.S}
 * …). Supports what Senim's template uses and a little more: exact values, {@code exists}, {@code prefix} and
 * {@code anything-but}; any other operator is refused when the runner starts, never silently ignored.
 */
final class EventFilter implements Predicate<DynamodbEvent.DynamodbStreamRecord> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> patterns;

    private EventFilter(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    /** A filter from the patterns' JSON texts; no pattern at all lets every record through. */
    static EventFilter of(List<String> patterns) {
        List<JsonNode> parsed = patterns.stream().map(EventFilter::parse).toList();
        parsed.forEach(p -> check(p, "pattern"));
        return new EventFilter(parsed);
    }

    @Override
    public boolean test(DynamodbEvent.DynamodbStreamRecord record) {
        if (patterns.isEmpty()) {
            return true;
        }
        JsonNode event = toJson(record);
        return patterns.stream().anyMatch(pattern -> matches(pattern, event));
    }

    private static JsonNode parse(String pattern) {
        try {
            JsonNode node = JSON.readTree(pattern);
            if (!node.isObject()) {
                throw new IllegalArgumentException("a filter pattern must be a JSON object: " + pattern);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a filter pattern is not JSON: " + pattern, e);
        }
    }

    private static void check(JsonNode pattern, String where) {
        pattern.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String path = where + "." + field.getKey();
            if (value.isObject()) {
                check(value, path);
            } else if (value.isArray()) {
                for (JsonNode condition : value) {
                    if (condition.isObject()) {
                        String operator = condition.fieldNames().hasNext() ? condition.fieldNames().next() : "";
                        if (condition.size() != 1 || !List.of("exists", "prefix", "anything-but").contains(operator)) {
                            throw new IllegalArgumentException(path + ": the local runner does not support the filter "
                                    + condition);
                        }
                    }
                }
            } else {
                throw new IllegalArgumentException(path + ": a pattern's leaves must be arrays, found " + value);
            }
        });
    }

    private static boolean matches(JsonNode pattern, JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode actual = event == null ? null : event.get(field.getKey());
            boolean ok = field.getValue().isObject()
                    ? actual != null && actual.isObject() && matches(field.getValue(), actual)
                    : anyCondition((ArrayNode) field.getValue(), actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyCondition(ArrayNode conditions, JsonNode actual) {
        for (JsonNode condition : conditions) {
            if (condition.isObject()) {
                String operator = condition.fieldNames().next();
                JsonNode argument = condition.get(operator);
                boolean ok = switch (operator) {
                    case "exists" -> argument.asBoolean() == (actual != null);
                    case "prefix" -> actual != null && actual.isTextual()
                            && actual.textValue().startsWith(argument.asText());
                    case "anything-but" -> actual != null && !actual.isContainerNode() && !contains(argument, actual);
                    default -> false;
                };
                if (ok) {
                    return true;
                }
            } else if (actual != null && !actual.isContainerNode() && sameValue(condition, actual)) {
                return true;
            } else if (actual != null && actual.isArray()) {
                for (JsonNode element : actual) {
                    if (sameValue(condition, element)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean contains(JsonNode values, JsonNode actual) {
        if (!values.isArray()) {
            return sameValue(values, actual);
        }
        for (JsonNode value : values) {
            if (sameValue(value, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    /** The record as Lambda's filtering sees it: the stream record's JSON with DynamoDB-JSON images. */
    static JsonNode toJson(DynamodbEvent.DynamodbStreamRecord record) {
        ObjectNode event = JSON.createObjectNode();
        putText(event, "eventID", record.getEventID());
        putText(event, "eventName", record.getEventName());
        putText(event, "eventVersion", record.getEventVersion());
        putText(event, "eventSource", record.getEventSource());
        putText(event, "awsRegion", record.getAwsRegion());
        putText(event, "eventSourceARN", record.getEventSourceARN());
        var change = record.getDynamodb();
        if (change != null) {
            ObjectNode dynamodb = event.putObject("dynamodb");
            if (change.getKeys() != null) {
                dynamodb.set("Keys", image(change.getKeys()));
            }
            if (change.getNewImage() != null) {
                dynamodb.set("NewImage", image(change.getNewImage()));
            }
            if (change.getOldImage() != null) {
                dynamodb.set("OldImage", image(change.getOldImage()));
            }
            putText(dynamodb, "SequenceNumber", change.getSequenceNumber());
            if (change.getSizeBytes() != null) {
                dynamodb.put("SizeBytes", change.getSizeBytes());
            }
            putText(dynamodb, "StreamViewType", change.getStreamViewType());
        }
        return event;
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static ObjectNode image(Map<String, AttributeValue> image) {
        ObjectNode node = JSON.createObjectNode();
        image.forEach((name, value) -> node.set(name, attribute(value)));
        return node;
    }

    private static ObjectNode attribute(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        if (value.getS() != null) {
            node.put("S", value.getS());
        } else if (value.getN() != null) {
            node.put("N", value.getN());
        } else if (value.getBOOL() != null) {
            node.put("BOOL", value.getBOOL());
        } else if (value.getNULL() != null) {
            node.put("NULL", value.getNULL());
        } else if (value.getB() != null) {
            node.put("B", base64(value.getB()));
        } else if (value.getM() != null) {
            node.set("M", image(value.getM()));
        } else if (value.getL() != null) {
            ArrayNode list = node.putArray("L");
            value.getL().forEach(element -> list.add(attribute(element)));
        } else if (value.getSS() != null) {
            value.getSS().forEach(node.putArray("SS")::add);
        } else if (value.getNS() != null) {
            value.getNS().forEach(node.putArray("NS")::add);
        } else if (value.getBS() != null) {
            ArrayNode list = node.putArray("BS");
            value.getBS().forEach(b -> list.add(base64(b)));
        }
        return node;
    }

    private static String base64(ByteBuffer bytes) {
        ByteBuffer copy = bytes.duplicate();
        byte[] array = new byte[copy.remaining()];
        copy.get(array);
        return Base64.getEncoder().encodeToString(array);
    }
}
