package kz.senim.local.engines;

/**
 * Service-provider interface for engines other than the embedded default, found with {@link java.util.ServiceLoader}
 * when {@code -Dsenim.engine=<name>} asks for them. The LocalStack provider lives in {@code src/localstack/java}
 * and is compiled only with the {@code localstack} profile, so default builds never see Docker or localstack-utils.
 */
public interface EngineProvider {

    /** The value of {@code senim.engine} that selects this provider, e.g. {@code localstack}. */
    String name();

    /** Starts (or joins) this provider's DynamoDB engine. */
    DynamoDbEngine startDynamoDb();

    /** Starts (or joins) this provider's SNS/SQS engine. */
    SnsEngine startSns();
}
