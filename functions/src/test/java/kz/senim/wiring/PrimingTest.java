package kz.senim.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * What a function's SnapStart checkpoint hook primes: the clients its wiring built, each through its whole request
 * path, answered in the process (the stand-in HTTP client), with nothing sent anywhere.
 */
class PrimingTest {

    private static final Map<String, String> SETTINGS = Map.of(Wiring.AWS_REGION, "eu-central-1",
            Wiring.CASES_TABLE, "senim-cases", Wiring.DIRECTORY_TABLE, "senim-directory",
            Wiring.ALERT_TOPIC_ARN_PREFIX, "arn:aws:sns:eu-central-1:000000000000:senim-alerts-");

    @Test
    void a_function_that_calls_dynamodb_and_sns_primes_every_call_its_adapters_make() {
        Wiring wiring = new Wiring(SETTINGS::get, Clock.systemUTC());
        wiring.dynamoDb();
        wiring.sns();

        List<String> primed = new Priming(wiring).prime();

        assertThat(primed).containsExactly("json", "crypto", "dynamodb", "sns", "dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems", "dynamodb:BatchGetItem",
                "dynamodb:DeleteItem", "sns:Publish");
    }

    @Test
    void a_function_that_writes_and_reads_content_primes_the_content_keys_calls() {
        Wiring wiring = new Wiring(SETTINGS::get, Clock.systemUTC());
        wiring.dynamoDb();
        wiring.kms();

        List<String> primed = new Priming(wiring).prime();

        assertThat(primed).containsExactly("json", "crypto", "dynamodb", "kms", "dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems", "dynamodb:BatchGetItem",
                "dynamodb:DeleteItem", "kms:GenerateDataKey", "kms:Decrypt");
    }

    @Test
    void a_function_that_calls_no_aws_service_primes_json_and_crypto_only() {
        Wiring wiring = new Wiring(SETTINGS::get, Clock.systemUTC());
        wiring.regions();

        assertThat(new Priming(wiring).prime()).containsExactly("json", "crypto");
    }

    @Test
    void the_stand_in_answers_only_the_calls_it_knows() throws Exception {
        Priming.StandIn standIn = new Priming.StandIn();

        HttpExecuteResponse answer = standIn.prepareRequest(call("dynamodb.eu-central-1.amazonaws.com",
                "DynamoDB_20120810.GetItem")).call();

        assertThat(answer.httpResponse().statusCode()).isEqualTo(200);
        assertThat(new String(answer.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{}");
        assertThatThrownBy(() -> standIn.prepareRequest(call("elsewhere.eu-central-1.amazonaws.com",
                "Elsewhere.Call")).call()).isInstanceOf(IllegalStateException.class);
        assertThat(standIn.answered()).containsExactly("dynamodb:GetItem");
    }

    private static HttpExecuteRequest call(String host, String target) {
        return HttpExecuteRequest.builder().request(SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .protocol("https").host(host).encodedPath("/").putHeader("X-Amz-Target", target).build()).build();
    }
}
