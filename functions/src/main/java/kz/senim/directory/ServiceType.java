package kz.senim.directory;

import java.util.Arrays;
import java.util.Optional;

/** Services a provider in the directory offers and a coordinator can refer a person to. */
public enum ServiceType {
    SHELTER("shelter"),
    LEGAL("legal"),
    MEDICAL("medical"),
    PSYCHOLOGICAL("psychological"),
    REPATRIATION("repatriation"),
    EMPLOYMENT("employment"),
    EDUCATION("education"),
    OTHER("other");

    private final String code;

    ServiceType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ServiceType> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
