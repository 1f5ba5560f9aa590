package kz.senim.cases;

import java.time.Instant;

/** A data key of a case, wrapped by the KEK, as the case keys table keeps it; {@code keyId} names it in envelopes. */
public record CaseKey(Reference reference, String keyId, byte[] wrapped, Instant createdAt) {

    @Override
    public String toString() {
        return "CaseKey[" + reference + ", " + keyId + "]";
    }
}
