package kz.senim.cases;

import java.util.Arrays;
import java.util.Optional;

/** How a case ended. */
public enum ClosingOutcome {
    ASSISTED("assisted"),
    REFERRED_TO_POLICE_WITH_CONSENT("referred_to_police_with_consent"),
    NO_CONTACT("no_contact"),
    DUPLICATE("duplicate"),
    UNFOUNDED("unfounded");

    private final String code;

    ClosingOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ClosingOutcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
