package kz.senim.bench.lambda.crac;

/** A checkpoint participant, as {@code jdk.crac.Resource} (see {@link Core}). */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
