package kz.senim.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import kz.senim.cases.StorageUnavailable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * The one Secrets Manager call Senim makes, without the service's SDK client: a signed {@code GetSecretValue} as the API
 * reference defines it, its {@code SecretString}, retries of what may pass, and failures that name no secret.
 */
class SecretsManagerReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:senim-ack-link-Ab12Cd";

    /** Answers each request with the next canned answer, and keeps what it was sent. */
    private static final class Answers implements SdkHttpClient {
        private final Deque<HttpExecuteResponse> answers = new ArrayDeque<>();
        private final List<HttpExecuteRequest> sent = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();

        Answers then(int status, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            answers.add(HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder().statusCode(status).build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build());
            return this;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            sent.add(request);
            try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            HttpExecuteResponse answer = answers.removeFirst();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return answer;
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static SecretsManagerReader reader(Answers answers) {
        return new SecretsManagerReader(answers, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                Region.EU_CENTRAL_1, SecretsManagerReader.endpoint(Region.EU_CENTRAL_1, null, null));
    }

    @Test
    void it_sends_a_signed_get_secret_value_and_answers_the_secret_string() throws Exception {
        Answers answers = new Answers().then(200, "{\"ARN\":\"" + ARN + "\",\"Name\":\"senim-ack-link\","
                + "\"SecretString\":\"k3y-of-32-bytes-or-more-for-links\",\"VersionId\":\"EXAMPLE1-90ab-cdef\"}");

        String secret = reader(answers).secretString(ARN);

        assertThat(secret).isEqualTo("k3y-of-32-bytes-or-more-for-links");
        assertThat(answers.sent).hasSize(1);
        var request = answers.sent.getFirst().httpRequest();
        assertThat(request.method().name()).isEqualTo("POST");
        assertThat(request.getUri()).isEqualTo(URI.create("https://secretsmanager.eu-central-1.amazonaws.com/"));
        assertThat(request.firstMatchingHeader("X-Amz-Target")).hasValue("secretsmanager.GetSecretValue");
        assertThat(request.firstMatchingHeader("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(request.firstMatchingHeader("Authorization")).hasValueSatisfying(authorization -> assertThat(
                authorization).matches("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-central-1/secretsmanager/"
                + "aws4_request, SignedHeaders=\\S*x-amz-target\\S*, Signature=[0-9a-f]{64}"));
        JsonNode body = JSON.readTree(answers.bodies.getFirst());
        assertThat(body.path("SecretId").asText()).isEqualTo(ARN);
        assertThat(body.size()).isEqualTo(1);
    }

    @Test
    void throttling_and_server_errors_are_tried_again() {
        Answers answers = new Answers()
                .then(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")
                .then(503, "{\"__type\":\"InternalServiceError\"}")
                .then(200, "{\"SecretString\":\"third time\"}");

        assertThat(reader(answers).secretString(ARN)).isEqualTo("third time");
        assertThat(answers.sent).hasSize(3);
    }

    @Test
    void a_refusal_is_storage_unavailable_naming_the_error_type_but_not_the_secret_or_the_message() {
        Answers answers = new Answers().then(400, "{\"__type\":\"com.amazonaws.secretsmanager#ResourceNotFoundException\","
                + "\"message\":\"Secrets Manager can't find the specified secret " + ARN + "\"}");

        assertThatThrownBy(() -> reader(answers).secretString(ARN))
                .isInstanceOf(StorageUnavailable.class)
                .satisfies(failure -> {
                    assertThat(failure.getCause()).hasMessageContaining("400 ResourceNotFoundException");
                    assertThat(failure.getMessage() + " " + failure.getCause().getMessage())
                            .doesNotContain(ARN, "can't find", "senim-ack-link");
                });
        assertThat(answers.sent).as("a refusal is not tried again").hasSize(1);
    }

    @Test
    void an_endpoint_setting_is_used_as_the_sdk_uses_it() {
        assertThat(SecretsManagerReader.endpoint(Region.EU_CENTRAL_1, "http://localhost:4566", "http://other:1"))
                .isEqualTo(URI.create("http://localhost:4566"));
        assertThat(SecretsManagerReader.endpoint(Region.EU_CENTRAL_1, " ", "http://localhost:4566"))
                .isEqualTo(URI.create("http://localhost:4566"));
        assertThat(SecretsManagerReader.endpoint(Region.of("cn-north-1"), null, null))
                .isEqualTo(URI.create("https://secretsmanager.cn-north-1.amazonaws.com.cn"));
    }
}
