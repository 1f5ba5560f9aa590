package kz.senim.directory;

import java.util.Arrays;
import java.util.Optional;

/** When an organisation wants to be alerted about a report in its regions and categories. */
public enum AlertCondition {
    ALWAYS("always"),
    VICTIM_REPORT("victim_report"),
    FOREIGN_NATIONAL("foreign_national"),
    CHILD_INVOLVED("child_involved"),
    POLICE_CONSENT_OR_DANGER("police_consent_or_danger"),
    UNKNOWN_REGION("unknown_region");

    private final String code;

    AlertCondition(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AlertCondition> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
