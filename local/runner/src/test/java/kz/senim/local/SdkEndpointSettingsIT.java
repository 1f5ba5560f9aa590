package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The functions are not told where DynamoDB is: their Wiring builds a plain client, and the SDK's standard setting
 * (here the system property for AWS_ENDPOINT_URL_DYNAMODB) sends it to DynamoDB Local.
 */
class SdkEndpointSettingsIT {

    @Test
    void aClientBuiltByWiringReachesDynamoDbLocalThroughTheSdksStandardSetting() {
        String before = System.getProperty(SdkSettings.DYNAMODB_ENDPOINT);
        try (SenimLocal senim = SenimLocal.start(Options.forTests())) {
            assertThat(System.getProperty("aws.endpointUrlDynamoDb")).isEqualTo(senim.dynamoDb().endpoint().toString());
            assertThat(System.getProperty("aws.accessKeyId")).isEqualTo(SdkSettings.DUMMY_ACCESS_KEY);

            Wiring wiring = new Wiring(Map.of(Wiring.AWS_REGION, SenimLocal.REGION)::get, Clock.systemUTC());
            try (DynamoDbClient client = wiring.dynamoDb()) {
                assertThat(client.listTables().tableNames()).containsExactlyInAnyOrder("senim-cases", "senim-directory",
                        "senim-case-keys");
                assertThat(client.scan(r -> r.tableName("senim-directory")).items())
                        .as("the organisations, and the people recorded at start")
                        .hasSize(28 + People.load().all().size());
            }
        }
        assertThat(System.getProperty(SdkSettings.DYNAMODB_ENDPOINT)).isEqualTo(before);
    }

}
