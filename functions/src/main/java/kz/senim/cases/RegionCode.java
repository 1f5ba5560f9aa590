package kz.senim.cases;

import java.util.regex.Pattern;

/** An ISO 3166-2:KZ code such as {@code KZ-75}, or {@code unknown} when the reporter does not know where. */
public record RegionCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("KZ-\\d{2}|unknown");
    public static final RegionCode UNKNOWN = new RegionCode("unknown");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a region code");
        }
    }

    public boolean isUnknown() {
        return equals(UNKNOWN);
    }

    @Override
    public String toString() {
        return value;
    }
}
