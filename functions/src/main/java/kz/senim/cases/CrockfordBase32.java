package kz.senim.cases;

import java.security.SecureRandom;

/** Crockford's base32: no I, L, O or U, so codes read aloud over a phone or typed by hand survive. */
public final class CrockfordBase32 {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private CrockfordBase32() {
    }

    /** {@code groups} groups of four random symbols joined by '-', 20 bits each. */
    public static String randomGroups(SecureRandom random, int groups) {
        StringBuilder out = new StringBuilder(groups * 5);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                out.append('-');
            }
            for (int i = 0; i < 4; i++) {
                out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        return out.toString();
    }

    /** {@code symbols} random symbols, 5 bits each, without separators (16 symbols: 80 bits). */
    public static String randomSymbols(SecureRandom random, int symbols) {
        StringBuilder out = new StringBuilder(symbols);
        for (int i = 0; i < symbols; i++) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    /** Maps the look-alikes Crockford decodes leniently (O→0, I/L→1) on upper-case input; keeps everything else. */
    public static String normalise(String upperCase) {
        return upperCase.replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
