package kz.senim.alerting.dynamodb;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import java.util.Map;
import kz.senim.cases.Alert;
import kz.senim.cases.dynamodb.AlertItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a record of the cases table's stream says about the alert outbox: a new alert item to dispatch, something else,
 * or an alert item that cannot be read. Images are converted with AWS's own transformer, every attribute type included.
 */
public final class StreamedAlerts {

    private StreamedAlerts() {
    }

    public sealed interface Read {
        /** Not the insert of an alert item (another item, a change, a removal): nothing to dispatch. */
        record NotAnAlert() implements Read { }

        record Inserted(Alert alert) implements Read { }

        /** An alert item that does not parse; {@code cause} is the class of what went wrong, never a value. */
        record Unreadable(String cause) implements Read { }
    }

    public static Read read(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord change = record.getDynamodb();
        if (!"INSERT".equals(record.getEventName()) || change == null || change.getNewImage() == null) {
            return new Read.NotAnAlert();
        }
        Map<String, AttributeValue> image;
        try {
            image = DynamodbAttributeValueTransformer.toAttributeValueMapV2(change.getNewImage());
        } catch (RuntimeException unreadable) {
            return new Read.Unreadable(unreadable.getClass().getName());
        }
        if (!AlertItems.isAlert(image)) {
            return new Read.NotAnAlert();
        }
        try {
            return new Read.Inserted(AlertItems.fromItem(image));
        } catch (RuntimeException unreadable) {
            return new Read.Unreadable(unreadable.getClass().getName());
        }
    }
}
