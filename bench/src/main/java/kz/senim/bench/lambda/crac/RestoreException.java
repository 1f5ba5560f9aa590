package kz.senim.bench.lambda.crac;

/** A restore hook failed, as {@code jdk.crac.RestoreException}. */
public class RestoreException extends Exception {

    public RestoreException(Throwable cause) {
        super(cause);
    }
}
