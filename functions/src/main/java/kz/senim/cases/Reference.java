package kz.senim.cases;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public reference of a case, e.g. {@code SN-7Q2K-9M4D-XW3P}: 60 random bits in Crockford base32, so references
 * cannot be guessed or enumerated. It is safe to show in alerts; alone it grants nothing (the receipt does).
 */
public record Reference(String value) {

    private static final Pattern FORMAT = Pattern.compile("SN(-[0-9A-HJKMNP-TV-Z]{4}){3}");

    public Reference {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a case reference");
        }
    }

    public static Reference random(SecureRandom random) {
        return new Reference("SN-" + CrockfordBase32.randomGroups(random, 3));
    }

    /** Reads what a person typed or an app sent; tolerant of case and of the letters Crockford base32 confuses. */
    public static Optional<Reference> parse(String text) {
        if (text == null || text.length() > 32) {
            return Optional.empty();
        }
        String normalised = CrockfordBase32.normalise(text.strip().toUpperCase(java.util.Locale.ROOT));
        return FORMAT.matcher(normalised).matches() ? Optional.of(new Reference(normalised)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
