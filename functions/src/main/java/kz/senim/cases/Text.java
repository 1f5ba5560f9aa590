package kz.senim.cases;

import kz.senim.cases.InvalidInput.Violation;

/**
 * Rules for free text people type: bounded, not blank where required, no control characters but line breaks, and no
 * explicit bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates), which can make a
 * narrative or a message read differently from what was stored. Implicit marks (U+200E, U+200F) stay allowed.
 */
public final class Text {

    private Text() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidInput(field, Violation.MISSING);
        }
        if (value.isBlank()) {
            throw new InvalidInput(field, Violation.BLANK);
        }
        return bounded(field, value, maxLength);
    }

    public static String bounded(String field, String value, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidInput(field, Violation.TOO_LONG, maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            boolean loneSurrogate = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
            if (control || loneSurrogate || c == '\uFFFD') {
                throw new InvalidInput(field, Violation.INVALID_TEXT);
            }
            if (isBidiControl(c)) {
                throw new InvalidInput(field, Violation.BIDI_CONTROL);
            }
        }
        return value.strip();
    }

    /** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
