package kz.senim.local.engines;

import java.net.URI;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A running SNS + SQS endpoint (SNS → SQS fan-out with filter policies) for tests and the local runner:
 * {@link SnsEmulator} (fauxqs) by default, LocalStack with {@code -Dsenim.engine=localstack}.
 *
 * <p>The clients are owned by the engine (created once, closed by {@link #close()}); do not close them.
 */
public interface SnsEngine extends AutoCloseable {

    /** Endpoint serving both SNS and SQS, e.g. for {@code AWS_ENDPOINT_URL_SNS}. */
    URI endpoint();

    /** Region the clients sign for ({@code eu-central-1}); ARNs of resources they create use it. */
    Region region();

    /** Account id in the ARNs of this engine ({@code 000000000000}). */
    String accountId();

    /** SNS client bound to {@link #endpoint()} (URL-connection HTTP client, static dummy credentials). */
    SnsClient sns();

    /** SQS client bound to {@link #endpoint()}. */
    SqsClient sqs();

    /** {@code arn:aws:sns:<region>:<account>:}, e.g. for {@code ALERT_TOPIC_ARN_PREFIX}. */
    default String topicArnPrefix() {
        return "arn:aws:sns:" + region().id() + ":" + accountId() + ":";
    }

    /** ARN the engine gives a topic called {@code name} created through {@link #sns()}. */
    default String topicArn(String name) {
        return topicArnPrefix() + name;
    }

    /** ARN the engine gives a queue called {@code name} created through {@link #sqs()}. */
    default String queueArn(String name) {
        return "arn:aws:sqs:" + region().id() + ":" + accountId() + ":" + name;
    }

    /** Stops the engine (or releases it, for a shared one) and closes its clients. */
    @Override
    void close();
}
