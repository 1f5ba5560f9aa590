package kz.senim.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkSystemSetting;

/**
 * Points the functions' AWS clients at the local engines through the SDK's own standard settings, as JVM system
 * properties: the same thing as {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code AWS_ENDPOINT_URL_SNS} in the
 * environment, with which Senim's adapters (which never take an endpoint) also run against AWS or LocalStack.
 *
 * <p>The service-specific property names are generated into each SDK v2 client builder
 * ({@code DefaultDynamoDbBaseClientBuilder.serviceEndpointOverrideSystemProperty()} and the SNS one) and resolved by
 * {@code AwsClientEndpointProvider}: system property first, then the environment variable, then the global
 * {@code aws.endpointUrl}. Dummy credentials go in {@code aws.accessKeyId} / {@code aws.secretAccessKey}, which the
 * default credentials chain reads before anything else, so no real AWS credentials are ever picked up locally.
 *
 * <p>System properties are JVM-wide: one {@link SenimLocal} per JVM at a time. {@link #close()} puts back what was
 * there before.
 */
final class SdkSettings implements AutoCloseable {

    /** {@code AWS_ENDPOINT_URL_DYNAMODB} as a system property (SDK 2.41). */
    static final String DYNAMODB_ENDPOINT = "aws.endpointUrlDynamoDb";
    /** {@code AWS_ENDPOINT_URL_SNS} as a system property (SDK 2.41). */
    static final String SNS_ENDPOINT = "aws.endpointUrlSns";
    static final String ACCESS_KEY_ID = SdkSystemSetting.AWS_ACCESS_KEY_ID.property();
    static final String SECRET_ACCESS_KEY = SdkSystemSetting.AWS_SECRET_ACCESS_KEY.property();
    static final String SESSION_TOKEN = SdkSystemSetting.AWS_SESSION_TOKEN.property();
    /** Letters only: DynamoDB Local rejects access key ids with other characters. */
    static final String DUMMY_ACCESS_KEY = "senimlocal";
    static final String DUMMY_SECRET = "senimlocal";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private SdkSettings() {
    }

    static SdkSettings apply(URI dynamoDbEndpoint, URI snsEndpoint) {
        SdkSettings settings = new SdkSettings();
        settings.set(DYNAMODB_ENDPOINT, dynamoDbEndpoint.toString());
        settings.set(SNS_ENDPOINT, snsEndpoint == null ? null : snsEndpoint.toString());
        settings.set(ACCESS_KEY_ID, DUMMY_ACCESS_KEY);
        settings.set(SECRET_ACCESS_KEY, DUMMY_SECRET);
        settings.set(SESSION_TOKEN, null);
        return settings;
    }

    private void set(String property, String value) {
        previous.put(property, System.getProperty(property));
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Override
    public void close() {
        previous.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        previous.clear();
    }
}
