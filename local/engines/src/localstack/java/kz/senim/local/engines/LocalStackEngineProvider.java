package kz.senim.local.engines;

import cloud.localstack.Localstack;
import cloud.localstack.docker.annotation.LocalstackDockerConfiguration;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code -Dsenim.engine=localstack}: both engines are served by one LocalStack container started through
 * localstack-utils ({@link Localstack#INSTANCE}, Docker CLI), shared by reference count and stopped when the last
 * engine closes (or the JVM exits). Compiled only with the {@code localstack} Maven profile.
 *
 * <p>System properties: {@code senim.localstack.image} (default {@value #DEFAULT_IMAGE}). The environment
 * variable {@code LOCALSTACK_AUTH_TOKEN}, if set, is passed to the container (current LocalStack images need it).
 */
public final class LocalStackEngineProvider implements EngineProvider {

    static final String IMAGE_PROPERTY = "senim.localstack.image";
    static final String DEFAULT_IMAGE = "localstack/localstack:4.4";
    /** LocalStack's account for any non-numeric access key id, like the "test" key of {@link AwsClients}. */
    static final String ACCOUNT_ID = "000000000000";

    private static int users;
    private static Thread shutdownHook;

    @Override
    public String name() {
        return Engines.LOCALSTACK;
    }

    @Override
    public DynamoDbEngine startDynamoDb() {
        acquire();
        try {
            return new LocalStackDynamoDb(
                    URI.create(Localstack.INSTANCE.getEndpointDynamoDB()),
                    URI.create(Localstack.INSTANCE.getEndpointDynamoDBStreams()));
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public SnsEngine startSns() {
        acquire();
        try {
            return new LocalStackSns(
                    URI.create(Localstack.INSTANCE.getEndpointSNS()),
                    URI.create(Localstack.INSTANCE.getEndpointSQS()));
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    private static synchronized void acquire() {
        if (users == 0 && !Localstack.INSTANCE.isRunning()) {
            String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
            int colon = image.lastIndexOf(':');
            Map<String, String> environment = new HashMap<>();
            environment.put("SERVICES", "dynamodb,dynamodbstreams,sns,sqs,kms");
            String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
            if (token != null && !token.isBlank()) {
                environment.put("LOCALSTACK_AUTH_TOKEN", token);
            }
            LocalstackDockerConfiguration configuration = LocalstackDockerConfiguration.builder()
                    .imageName(colon > 0 ? image.substring(0, colon) : image)
                    .imageTag(colon > 0 ? image.substring(colon + 1) : "latest")
                    .randomizePorts(true)
                    .environmentVariables(environment)
                    .build();
            try {
                Localstack.INSTANCE.startup(configuration);
            } catch (RuntimeException e) {
                throw new IllegalStateException("-Dsenim.engine=localstack could not start " + image
                        + " (is Docker running? does the image need LOCALSTACK_AUTH_TOKEN?)", e);
            }
            shutdownHook = new Thread(Localstack.INSTANCE::stop, "localstack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        users++;
    }

    private static synchronized void release() {
        if (users > 0 && --users == 0) {
            Localstack.INSTANCE.stop();
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook stops the container anyway
                }
                shutdownHook = null;
            }
        }
    }

    private static final class LocalStackDynamoDb implements DynamoDbEngine {
        private final URI endpoint;
        private final DynamoDbClient client;
        private final DynamoDbStreamsClient streamsClient;
        private final AtomicBoolean closed = new AtomicBoolean();

        LocalStackDynamoDb(URI endpoint, URI streamsEndpoint) {
            this.endpoint = endpoint;
            this.client = AwsClients.build(DynamoDbClient.builder(), endpoint);
            this.streamsClient = AwsClients.build(DynamoDbStreamsClient.builder(), streamsEndpoint);
        }

        @Override
        public URI endpoint() {
            return endpoint;
        }

        @Override
        public Region region() {
            return AwsClients.REGION;
        }

        @Override
        public DynamoDbClient client() {
            return client;
        }

        @Override
        public DynamoDbStreamsClient streamsClient() {
            return streamsClient;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                AwsClients.closeQuietly(client, streamsClient);
                release();
            }
        }

        @Override
        public String toString() {
            return "LocalStack DynamoDB[" + endpoint + "]";
        }
    }

    private static final class LocalStackSns implements SnsEngine {
        private final URI endpoint;
        private final SnsClient sns;
        private final SqsClient sqs;
        private final AtomicBoolean closed = new AtomicBoolean();

        LocalStackSns(URI snsEndpoint, URI sqsEndpoint) {
            this.endpoint = snsEndpoint;
            this.sns = AwsClients.build(SnsClient.builder(), snsEndpoint);
            this.sqs = AwsClients.build(SqsClient.builder(), sqsEndpoint);
        }

        @Override
        public URI endpoint() {
            return endpoint;
        }

        @Override
        public Region region() {
            return AwsClients.REGION;
        }

        @Override
        public String accountId() {
            return ACCOUNT_ID;
        }

        @Override
        public SnsClient sns() {
            return sns;
        }

        @Override
        public SqsClient sqs() {
            return sqs;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                AwsClients.closeQuietly(sns, sqs);
                release();
            }
        }

        @Override
        public String toString() {
            return "LocalStack SNS/SQS[" + endpoint + "]";
        }
    }
}
