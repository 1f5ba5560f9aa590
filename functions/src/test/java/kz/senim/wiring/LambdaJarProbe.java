package kz.senim.wiring;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Code that {@code LambdaJarIT} runs inside its class loader over the Lambda jar alone (it defines this class there):
 * Senim's wiring, its priming and the AWS SDK all come from the jar, nothing from this build.
 */
public final class LambdaJarProbe {

    private LambdaJarProbe() {
    }

    /** A wiring of {@code settings} with the three clients Senim builds (DynamoDB, SNS, KMS), primed. */
    public static List<String> prime(Map<String, String> settings) {
        Wiring wiring = new Wiring(settings::get, Clock.systemUTC());
        wiring.dynamoDb();
        wiring.sns();
        wiring.kms();
        return new Priming(wiring).prime();
    }

    /**
     * On each client, an operation Senim never calls, then one it calls, answered by priming's stand-in: what each
     * did ({@code answered}, or the error it threw).
     */
    public static Map<String, String> unusedOperations() {
        Priming.StandIn standIn = new Priming.StandIn();
        Map<String, String> outcomes = new TreeMap<>();
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().region(Region.EU_CENTRAL_1).httpClient(standIn)
                .credentialsProvider(standIn.credentials()).build()) {
            outcomes.put("dynamodb:ListTables", outcome(() -> dynamoDb.listTables()));
            outcomes.put("dynamodb:GetItem", outcome(() -> dynamoDb.getItem(r -> r.tableName("senim-probe")
                    .key(Map.of("pk", AttributeValue.fromS("PROBE"))))));
        }
        try (SnsClient sns = SnsClient.builder().region(Region.EU_CENTRAL_1).httpClient(standIn)
                .credentialsProvider(standIn.credentials()).build()) {
            outcomes.put("sns:ListTopics", outcome(() -> sns.listTopics()));
            outcomes.put("sns:Publish", outcome(() -> sns.publish(r -> r.message("probe")
                    .topicArn("arn:aws:sns:eu-central-1:000000000000:senim-probe"))));
        }
        try (KmsClient kms = KmsClient.builder().region(Region.EU_CENTRAL_1).httpClient(standIn)
                .credentialsProvider(standIn.credentials()).build()) {
            outcomes.put("kms:ListKeys", outcome(() -> kms.listKeys()));
            outcomes.put("kms:GenerateDataKey", outcome(() -> kms.generateDataKey(r -> r.keyId("alias/senim-probe")
                    .keySpec(DataKeySpec.AES_256).encryptionContext(Map.of("reference", "SN-0000-0000-0000")))));
        }
        return outcomes;
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "answered";
        } catch (NoClassDefFoundError missing) {
            return "NoClassDefFoundError " + missing.getMessage();
        } catch (RuntimeException | LinkageError failure) {
            return failure.toString();
        }
    }
}
