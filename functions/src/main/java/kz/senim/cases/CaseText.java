package kz.senim.cases;

import java.util.Objects;
import java.util.Optional;

/**
 * Free text a person typed about a case (the narrative, the locality, a message, a reason) as Senim holds it:
 * {@link Plain} while it is being written, or once a path that shows the case has opened it; {@link Sealed} as it
 * comes from the store (AES-256-GCM under a data key of the case, see {@link CaseContent}); {@link Erased} when the
 * case's content was erased or its key forgotten. Only plain text is ever shown, and no {@code toString} shows text.
 */
public sealed interface CaseText {

    /** Text as typed, or as opened. */
    record Plain(String text) implements CaseText {
        public Plain {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Plain[hidden]";
        }
    }

    /** Text as stored: {@value #PREFIX}{@code <keyId>:<base64url(nonce, ciphertext, tag)>}. */
    record Sealed(String envelope) implements CaseText {
        public static final String PREFIX = "senim:sealed:v1:";

        public Sealed {
            if (envelope == null || !isEnvelope(envelope)) {
                throw new IllegalArgumentException("not a sealed text");
            }
        }

        /** The id of the case's data key it was sealed under. */
        public String keyId() {
            return envelope.substring(PREFIX.length(), envelope.indexOf(':', PREFIX.length()));
        }

        public static boolean isEnvelope(String value) {
            return value.startsWith(PREFIX) && value.indexOf(':', PREFIX.length()) > PREFIX.length();
        }

        @Override
        public String toString() {
            return "Sealed[" + keyId() + "]";
        }
    }

    /** Erased with the case's content (retention, withdrawal), or sealed under a key that was forgotten. */
    record Erased() implements CaseText { }

    static CaseText plain(String text) {
        return new Plain(text);
    }

    /**
     * A text as an item holds it: sealed, or in clear if it was stored before Senim sealed texts (those are erased
     * like any other when their case's retention ends).
     */
    static CaseText stored(String value) {
        return Sealed.isEnvelope(value) ? new Sealed(value) : new Plain(value);
    }

    /** The text, if it can be shown: only plain text can. */
    default Optional<String> readable() {
        return this instanceof Plain plain ? Optional.of(plain.text()) : Optional.empty();
    }
}
