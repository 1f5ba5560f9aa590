package kz.senim.cases;

/**
 * The key-encryption key (KEK) of case content: it makes the data keys that seal what people typed about a case, and
 * unwraps them again, always for one case (its reference is the encryption context). In AWS a customer-managed KMS
 * key whose key policy lets the functions that write content only make data keys, and only the paths that show a case
 * unwrap them; locally a key in a file of the runner's data directory.
 */
public interface KeyEncryptionKey {

    /** A new 256-bit data key for the case: in clear, to seal with now and then forget; and wrapped, to keep. */
    DataKey newDataKey(Reference reference);

    /**
     * The data key {@code wrapped} for {@code reference}. Never a wrong key: wrapped for another case, or damaged, it
     * fails.
     *
     * @throws StorageUnavailable when the KEK cannot be reached
     */
    byte[] unwrap(Reference reference, byte[] wrapped);

    record DataKey(byte[] plain, byte[] wrapped) {
        @Override
        public String toString() {
            return "DataKey[hidden]";
        }
    }
}
