package kz.senim.access;

import java.util.Arrays;
import java.util.Optional;

/** What a signed-in person may do. Carried in the token's {@code custom:role} claim. */
public enum Role {
    /** On-call responder of an organisation: acknowledges, works cases, talks to the reporter. */
    RESPONDER("responder"),
    /** Regional coordinator (e.g. commission secretary): also assigns, refers, closes, reads the audit trail. */
    COORDINATOR("coordinator"),
    /** Secretariat of the national commission: a coordinator for every region. */
    NATIONAL_COORDINATOR("national_coordinator");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean coordinates() {
        return this != RESPONDER;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
