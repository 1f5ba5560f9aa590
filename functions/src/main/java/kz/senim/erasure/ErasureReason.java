package kz.senim.erasure;

import java.util.Locale;

/** Why the content of a case was erased: it is recorded on the case and in its audit trail. */
public enum ErasureReason {
    /** The retention period after closure ran out. */
    RETENTION_AFTER_CLOSURE,
    /** The case was never closed and nobody changed it for the inactivity period, after a warning. */
    INACTIVITY,
    /** The reporter withdrew the report. */
    WITHDRAWN_BY_REPORTER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
