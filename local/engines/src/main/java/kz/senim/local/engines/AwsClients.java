package kz.senim.local.engines;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** How every engine builds its SDK clients: fixed region, dummy static credentials, URL-connection HTTP. */
final class AwsClients {

    /** A real region id, so ARNs look like production ones (the Lambdas run in eu-central-1). */
    static final Region REGION = Region.EU_CENTRAL_1;

    /**
     * Dummy credentials: the engines accept any. Letters only, because DynamoDB Local 2.x+ rejects access key
     * ids with other characters; LocalStack maps a non-numeric key to its default account 000000000000.
     */
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private AwsClients() {}

    static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable == null) {
                continue;
            }
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort while shutting an engine down
            }
        }
    }
}
