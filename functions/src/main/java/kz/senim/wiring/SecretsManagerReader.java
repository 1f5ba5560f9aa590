package kz.senim.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kz.senim.cases.StorageUnavailable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A Secrets Manager secret's {@code SecretString}, read with one {@code GetSecretValue} call signed by the SDK's own
 * SigV4 signer and sent by the SDK's HTTP client: what {@code SecretsManagerClient} does for this one call, without
 * putting that client (0.8 MB of classes) in the jar every function loads, nor building it. Same IAM permission
 * ({@code secretsmanager:GetSecretValue}), same secret, same endpoint settings ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER},
 * else {@code AWS_ENDPOINT_URL}, else the region's endpoint). A throttled or failed call is tried three times; what
 * still fails is {@link StorageUnavailable}, naming the error's type only, never a message or the secret's name.
 */
final class SecretsManagerReader {

    static final String TARGET = "secretsmanager.GetSecretValue";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;
    private static final Duration BACKOFF = Duration.ofMillis(100);

    private final SdkHttpClient http;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final Region region;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SecretsManagerReader(SdkHttpClient http, IdentityProvider<? extends AwsCredentialsIdentity> credentials,
                         Region region, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
    }

    /** The endpoint the SDK would call: an endpoint setting if one is given, else the region's. */
    static URI endpoint(Region region, String serviceSetting, String globalSetting) {
        for (String setting : new String[] {serviceSetting, globalSetting}) {
            if (setting != null && !setting.isBlank()) {
                return URI.create(setting.strip());
            }
        }
        String domain = region.id().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://secretsmanager." + region.id() + "." + domain);
    }

    String secretString(String secretId) {
        String body = JSON.createObjectNode().put("SecretId", secretId).toString();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpExecuteResponse response = call(body);
                int status = response.httpResponse().statusCode();
                JsonNode answer = read(response);
                if (status == 200 && answer.path("SecretString").isTextual()) {
                    return answer.path("SecretString").asText();
                }
                last = new IllegalStateException("GetSecretValue answered " + status + " "
                        + answer.path("__type").asText("").replaceFirst(".*#", ""));
                if (status < 500 && !answer.path("__type").asText("").contains("Throttling")) {
                    break;
                }
            } catch (IOException | RuntimeException failed) {
                last = new IllegalStateException("GetSecretValue failed: " + failed.getClass().getName());
            }
            if (attempt < ATTEMPTS) {
                pause(attempt);
            }
        }
        throw new StorageUnavailable("secret unavailable", last);
    }

    private HttpExecuteResponse call(String body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/"
                        : endpoint.getRawPath())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET)
                .build();
        ContentStreamProvider payload = ContentStreamProvider.fromUtf8String(body);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveIdentity().join())
                .request(request)
                .payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        return http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(payload))
                .build()).call();
    }

    private static JsonNode read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return JSON.createObjectNode();
        }
        try (InputStream in = response.responseBody().get()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(BACKOFF.toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
