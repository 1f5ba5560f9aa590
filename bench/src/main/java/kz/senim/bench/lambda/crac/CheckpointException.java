package kz.senim.bench.lambda.crac;

/** A checkpoint hook failed, as {@code jdk.crac.CheckpointException}. */
public class CheckpointException extends Exception {

    public CheckpointException(Throwable cause) {
        super(cause);
    }
}
