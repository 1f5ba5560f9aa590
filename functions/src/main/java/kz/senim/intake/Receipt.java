package kz.senim.intake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.cases.CrockfordBase32;

/**
 * The reporter's secret for coming back: 100 random bits, e.g. {@code 7KQ2-M9XD-4TPA-WZ3H-0B8C}. Shown once; Senim
 * keeps only a keyed hash of it (see {@link HmacReceiptHasher}).
 */
public record Receipt(String value) {

    public static final String HEADER = "X-Receipt";
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");

    public Receipt {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a receipt");
        }
    }

    public static Receipt random(SecureRandom random) {
        return new Receipt(CrockfordBase32.randomGroups(random, 5));
    }

    /** Reads a receipt as a person may type it: any case, spaces or dashes, O for 0 and I or L for 1. */
    public static Optional<Receipt> parse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        String symbols = CrockfordBase32.normalise(text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", ""));
        if (symbols.length() != 20) {
            return Optional.empty();
        }
        String grouped = String.join("-", symbols.substring(0, 4), symbols.substring(4, 8), symbols.substring(8, 12),
                symbols.substring(12, 16), symbols.substring(16, 20));
        return FORMAT.matcher(grouped).matches() ? Optional.of(new Receipt(grouped)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Receipt[hidden]";
    }
}
