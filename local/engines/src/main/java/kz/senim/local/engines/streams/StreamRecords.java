package kz.senim.local.engines.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns what DynamoDB Streams' {@code GetRecords} returns (SDK v2 model) into what Lambda hands a function subscribed
 * to the stream: the Lambda events library's {@link DynamodbEvent.DynamodbStreamRecord}.
 */
public final class StreamRecords {

    /** What Lambda puts in {@code eventSource} for every DynamoDB stream record. */
    public static final String EVENT_SOURCE = "aws:dynamodb";

    private StreamRecords() {
    }

    /** One stream record as Lambda delivers it, {@code eventSourceARN} being the stream's ARN. */
    public static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord converted = new DynamodbEvent.DynamodbStreamRecord();
        converted.setEventID(record.eventID());
        converted.setEventName(record.eventNameAsString());
        converted.setEventVersion(record.eventVersion());
        converted.setEventSource(EVENT_SOURCE);
        converted.setAwsRegion(record.awsRegion());
        converted.setEventSourceARN(streamArn);
        if (record.userIdentity() != null) {
            converted.setUserIdentity(new Identity()
                    .withPrincipalId(record.userIdentity().principalId())
                    .withType(record.userIdentity().type()));
        }
        software.amazon.awssdk.services.dynamodb.model.StreamRecord change = record.dynamodb();
        if (change != null) {
            StreamRecord dynamodb = new StreamRecord()
                    .withSequenceNumber(change.sequenceNumber())
                    .withSizeBytes(change.sizeBytes());
            if (change.approximateCreationDateTime() != null) {
                dynamodb.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
            }
            if (change.streamViewTypeAsString() != null) {
                dynamodb.setStreamViewType(StreamViewType.fromValue(change.streamViewTypeAsString()));
            }
            if (change.hasKeys()) {
                dynamodb.setKeys(toLambda(change.keys()));
            }
            if (change.hasNewImage()) {
                dynamodb.setNewImage(toLambda(change.newImage()));
            }
            if (change.hasOldImage()) {
                dynamodb.setOldImage(toLambda(change.oldImage()));
            }
            converted.setDynamodb(dynamodb);
        }
        return converted;
    }

    /** An item image (or key) in the Lambda events library's attribute values. */
    public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toLambda(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted =
                new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, toLambda(value)));
        return converted;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toLambda(
            AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        return switch (value.type()) {
            case S -> converted.withS(value.s());
            case N -> converted.withN(value.n());
            case B -> converted.withB(bytes(value.b()));
            case SS -> converted.withSS(value.ss());
            case NS -> converted.withNS(value.ns());
            case BS -> converted.withBS(value.bs().stream().map(StreamRecords::bytes).toList());
            case M -> converted.withM(toLambda(value.m()));
            case L -> converted.withL(value.l().stream().map(StreamRecords::toLambda).toList());
            case BOOL -> converted.withBOOL(value.bool());
            case NUL -> converted.withNULL(true);
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException(
                    "a stream record holds an attribute type this SDK version does not know");
        };
    }

    private static ByteBuffer bytes(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArray());
    }
}
