package kz.senim.cases;

/**
 * Input a person sent that Senim cannot accept. Carries the field at fault and why, never the offending value, so the
 * edge can answer with a localized 400 that names the field without echoing what was typed.
 */
public final class InvalidInput extends RuntimeException {

    public enum Violation {
        MISSING, UNKNOWN, MUST_BE_TEXT, MUST_BE_BOOLEAN, TOO_LONG, BLANK, NOT_ALLOWED_VALUE, INVALID_TEXT,
        /** Explicit bidirectional embedding, override or isolate controls, which can make text read otherwise. */
        BIDI_CONTROL
    }

    private final String field;
    private final Violation violation;
    private final Object limit;

    public InvalidInput(String field, Violation violation, Object limit) {
        super(violation + ": " + field, null, false, false);
        this.field = field;
        this.violation = violation;
        this.limit = limit;
    }

    public InvalidInput(String field, Violation violation) {
        this(field, violation, null);
    }

    public String field() {
        return field;
    }

    public Violation violation() {
        return violation;
    }

    /** The bound that was broken (a length, or the allowed values), for the message; null when there is none. */
    public Object limit() {
        return limit;
    }
}
