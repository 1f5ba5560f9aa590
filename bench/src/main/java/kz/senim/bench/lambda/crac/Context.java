package kz.senim.bench.lambda.crac;

/** Where resources register, as {@code jdk.crac.Context} (see {@link Core}). */
public abstract class Context<R extends Resource> implements Resource {

    public abstract void register(R resource);
}
