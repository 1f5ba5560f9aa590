package kz.senim.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.event.ruler.Machine;

/**
 * The {@code FilterCriteria} of a Lambda event source mapping, for DynamoDB stream records: a record is delivered when
 * any filter's pattern matches the record's JSON as Lambda sees it ({@code eventName}, {@code dynamodb.NewImage.kind.S}
 * …). The patterns are matched by event-ruler, AWS's own implementation of the event-pattern syntax: exact values,
 * {@code prefix}, {@code suffix}, {@code anything-but}, {@code numeric}, {@code exists}, {@code equals-ignore-case},
 * {@code wildcard}, {@code $or} …. A pattern it cannot read stops the runner at start, never lets everything through.
 */
final class EventFilter implements Predicate<DynamodbEvent.DynamodbStreamRecord> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Machine patterns;
    private final boolean everything;

    private EventFilter(Machine patterns, boolean everything) {
        this.patterns = patterns;
        this.everything = everything;
    }

    /**
     * A filter from the patterns' JSON texts; no pattern at all lets every record through.
     *
     * @throws IllegalArgumentException naming the first pattern that is not an event pattern
     */
    static EventFilter of(List<String> patterns) {
        Machine machine = new Machine();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            try {
                machine.addRule("filter-" + (i + 1), pattern);
            } catch (IOException | RuntimeException unreadable) {
                throw new IllegalArgumentException("the local runner cannot read the filter pattern " + pattern + ": "
                        + unreadable.getMessage(), unreadable);
            }
        }
        return new EventFilter(machine, patterns.isEmpty());
    }

    @Override
    public boolean test(DynamodbEvent.DynamodbStreamRecord record) {
        return everything || !patterns.rulesForJSONEvent(toJson(record)).isEmpty();
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
        if (record.getUserIdentity() != null) { // TTL deletions: {"type": "Service", "principalId": "dynamodb..."}
            ObjectNode identity = event.putObject("userIdentity");
            putText(identity, "type", record.getUserIdentity().getType());
            putText(identity, "principalId", record.getUserIdentity().getPrincipalId());
        }
        var change = record.getDynamodb();
        if (change != null) {
            ObjectNode dynamodb = event.putObject("dynamodb");
            if (change.getApproximateCreationDateTime() != null) {
                dynamodb.put("ApproximateCreationDateTime", change.getApproximateCreationDateTime().getTime() / 1000);
            }
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
