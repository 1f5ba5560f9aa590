package kz.senim.cases;

import java.util.Arrays;
import java.util.Optional;

/** Type of exploitation, aligned with the IOM Counter-Trafficking Data Collaborative (CTDC) standard. */
public enum Category {
    FORCED_LABOUR("forced_labour"),
    SEXUAL_EXPLOITATION("sexual_exploitation"),
    FORCED_MARRIAGE("forced_marriage"),
    FORCED_CRIMINALITY("forced_criminality"),
    BEGGING("begging"),
    ORGAN_REMOVAL("organ_removal"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
