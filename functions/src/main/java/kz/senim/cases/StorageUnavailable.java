package kz.senim.cases;

/** The store is throttling or out of reach: nothing was written, and the client may retry with the same key. */
public final class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
