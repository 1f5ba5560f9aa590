package kz.senim.local.engines;

import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Picks the engines named by the system property {@value #PROPERTY}: {@value #EMBEDDED} (default: DynamoDB Local
 * in-process and fauxqs) or {@value #LOCALSTACK} (one LocalStack container, needs Docker and this module built
 * with {@code -Plocalstack} or {@code -Dsenim.engine=localstack}).
 */
public final class Engines {

    public static final String PROPERTY = "senim.engine";
    public static final String EMBEDDED = "embedded";
    public static final String LOCALSTACK = "localstack";

    private Engines() {}

    /** The selected engine name, lower case; {@value #EMBEDDED} when the property is unset or blank. */
    public static String selected() {
        String value = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return value.isEmpty() ? EMBEDDED : value;
    }

    /** True when the embedded engines ({@link EmbeddedDynamoDb}, {@link SnsEmulator}) are selected. */
    public static boolean embedded() {
        return EMBEDDED.equals(selected());
    }

    /** Starts the selected DynamoDB engine: an in-memory {@link EmbeddedDynamoDb} by default. */
    public static DynamoDbEngine startDynamoDb() {
        return embedded() ? EmbeddedDynamoDb.inMemory() : provider(selected()).startDynamoDb();
    }

    /** Starts the selected SNS/SQS engine: an {@link SnsEmulator} by default. */
    public static SnsEngine startSns() {
        return embedded() ? SnsEmulator.start() : provider(selected()).startSns();
    }

    static EngineProvider provider(String name) {
        try {
            for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader())) {
                if (provider.name().equals(name)) {
                    return provider;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + name + ": an engine provider is registered but"
                    + " cannot be loaded (a build with -P" + LOCALSTACK + " left in target/ by a later default build?"
                    + " run ./mvnw clean install -pl local/engines -P" + LOCALSTACK + ")", e);
        }
        throw new IllegalStateException("-D" + PROPERTY + "=" + name + " selects no engine on this classpath: use "
                + EMBEDDED + " (default) or " + LOCALSTACK + "; " + LOCALSTACK + " needs Docker and senim-local-engines"
                + " built with -P" + LOCALSTACK + " (or -D" + PROPERTY + "=" + LOCALSTACK + " on the Maven command line)");
    }
}
