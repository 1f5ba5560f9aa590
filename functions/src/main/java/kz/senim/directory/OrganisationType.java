package kz.senim.directory;

import java.util.Arrays;
import java.util.Optional;

public enum OrganisationType {
    /** The akimat's regional commission on combating trafficking in human beings. */
    REGIONAL_COMMISSION("regional_commission"),
    /** Secretariat of the national Interdepartmental Commission; covers what no region does. */
    NATIONAL_SECRETARIAT("national_secretariat"),
    /** Criminal police anti-trafficking liaison: alerted only with consent or immediate danger to life. */
    POLICE("police"),
    NGO("ngo");

    private final String code;

    OrganisationType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<OrganisationType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
