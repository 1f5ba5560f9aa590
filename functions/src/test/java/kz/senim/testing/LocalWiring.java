package kz.senim.testing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.SnsEngine;
import kz.senim.wiring.Wiring;

/**
 * The production {@link Wiring}, pointed at the local engines the way a deployment points it at AWS: through the
 * SDK's standard endpoint settings. In SDK 2.41.0 the service-specific system properties are
 * {@value #DYNAMODB_ENDPOINT} and {@value #SNS_ENDPOINT} (environment: {@code AWS_ENDPOINT_URL_DYNAMODB},
 * {@code AWS_ENDPOINT_URL_SNS}); they are read when a client is built, so they are set only while the wiring builds
 * its clients and restored afterwards. Credentials come from the SDK's default chain: dummy ones are set as system
 * properties if none are, because the engines accept any. The keys Secrets Manager and KMS hold in AWS are test
 * keys ({@link TestReceipts}, {@link TestContent}) unless the settings name others.
 */
public final class LocalWiring {

    public static final String DYNAMODB_ENDPOINT = "aws.endpointUrlDynamoDb";
    public static final String SNS_ENDPOINT = "aws.endpointUrlSns";
    private static final String ACCESS_KEY = "aws.accessKeyId";
    private static final String SECRET_KEY = "aws.secretAccessKey";

    private LocalWiring() {
    }

    public static Wiring against(DynamoDbEngine dynamoDb, SnsEngine sns, Map<String, String> settings, Clock clock) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent(Wiring.AWS_REGION, dynamoDb.region().id());
        all.putIfAbsent(Wiring.RECEIPT_KEYS, TestReceipts.KEYS);
        all.putIfAbsent(Wiring.CONTENT_KEK, TestContent.KEK);
        Wiring wiring = new Wiring(all::get, clock);
        setIfAbsent(ACCESS_KEY, "test");
        setIfAbsent(SECRET_KEY, "test");
        String previousDynamoDb = System.setProperty(DYNAMODB_ENDPOINT, dynamoDb.endpoint().toString());
        String previousSns = sns == null ? null : System.setProperty(SNS_ENDPOINT, sns.endpoint().toString());
        try {
            wiring.dynamoDb();
            if (sns != null) {
                wiring.sns();
            }
        } finally {
            restore(DYNAMODB_ENDPOINT, previousDynamoDb);
            if (sns != null) {
                restore(SNS_ENDPOINT, previousSns);
            }
        }
        return wiring;
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static void restore(String name, String previous) {
        if (previous == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, previous);
        }
    }
}
