package kz.senim.cases;

import java.util.Arrays;
import java.util.Optional;

/** Who is reporting: the person exploited, or someone who saw something. */
public enum ReporterRole {
    VICTIM("victim"),
    WITNESS("witness");

    private final String code;

    ReporterRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ReporterRole> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
