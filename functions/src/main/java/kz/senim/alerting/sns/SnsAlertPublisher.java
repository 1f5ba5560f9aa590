package kz.senim.alerting.sns;

import java.util.HashMap;
import java.util.Map;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.AlertNotDelivered;
import kz.senim.alerting.AlertPublisher;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes to the organisation's topic ({@code topicArnPrefix + organisationId}) with {@code MessageStructure=json}:
 * SMS subscriptions get the SMS, e-mail subscriptions the e-mail (its subject is SNS's {@code Subject}), every other
 * protocol the v1 JSON. The attributes are for subscription filter policies.
 */
public final class SnsAlertPublisher implements AlertPublisher {

    private final SnsClient sns;
    private final String topicArnPrefix;

    public SnsAlertPublisher(SnsClient sns, String topicArnPrefix) {
        this.sns = sns;
        this.topicArnPrefix = topicArnPrefix;
    }

    @Override
    public String publish(AlertMessage message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        try {
            return sns.publish(r -> r.topicArn(topicArnPrefix + message.topicSuffix())
                    .messageStructure("json")
                    .subject(message.texts().emailSubject())
                    .message(message.structuredJson())
                    .messageAttributes(attributes))
                    .messageId();
        } catch (SdkException e) {
            throw new AlertNotDelivered("SNS did not take the alert for " + message.topicSuffix(), e);
        }
    }
}
