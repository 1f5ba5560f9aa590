package kz.senim.alerting;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published alert message schema ({@code alert-message.v1.schema.json} beside {@code AlertMessage}), loaded from
 * the main classpath as consumers would read it. {@code format} is asserted, so a malformed {@code createdAt} fails.
 */
public final class AlertMessageSchema {

    public static final String RESOURCE = "/kz/senim/alerting/alert-message.v1.schema.json";
    private static final Schema SCHEMA = load();

    private AlertMessageSchema() {
    }

    /** @return what is wrong with {@code json}; empty when it is a valid version 1 alert message */
    public static List<String> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        try (InputStream in = AlertMessageSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
