package kz.senim.local.engines;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(SnsEmulatorExtension.class)}: injects one {@link SnsEngine} shared by every test of the test
 * JVM (started on first use, stopped when the test plan ends). Declare parameters as {@link SnsEngine} to also run
 * against LocalStack ({@code -Dsenim.engine=localstack}); {@link SnsEmulator} parameters work with the default
 * engine only. Topics and queues outlive tests: use unique names.
 */
public final class SnsEmulatorExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SnsEmulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SnsEngine.class || type == SnsEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SnsEngine engine = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> new Shared(Engines.startSns()), Shared.class)
                .engine;
        if (!parameter.getParameter().getType().isInstance(engine)) {
            throw new ParameterResolutionException("the " + Engines.selected() + " engine is not an SnsEmulator:"
                    + " declare the parameter as SnsEngine");
        }
        return engine;
    }

    private record Shared(SnsEngine engine) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            engine.close();
        }
    }
}
