package kz.senim.local.engines;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(DynamoDbLocalExtension.class)}: injects one {@link DynamoDbEngine} shared by every test of
 * the test JVM (started on first use, closed when the test plan ends). Declare parameters as
 * {@link DynamoDbEngine} to also run against LocalStack ({@code -Dsenim.engine=localstack});
 * {@link EmbeddedDynamoDb} parameters work with the default engine only. Tables outlive tests: use unique
 * names or clean up.
 */
public final class DynamoDbLocalExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DynamoDbEngine.class || type == EmbeddedDynamoDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DynamoDbEngine engine = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> new Shared(Engines.startDynamoDb()), Shared.class)
                .engine;
        if (!parameter.getParameter().getType().isInstance(engine)) {
            throw new ParameterResolutionException("the " + Engines.selected() + " engine is not an EmbeddedDynamoDb:"
                    + " declare the parameter as DynamoDbEngine");
        }
        return engine;
    }

    private record Shared(DynamoDbEngine engine) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            engine.close();
        }
    }
}
