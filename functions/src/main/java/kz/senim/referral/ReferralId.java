package kz.senim.referral;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.cases.CrockfordBase32;
import kz.senim.cases.Reference;
import kz.senim.cases.Sha256;

/**
 * A referral's id: its case's reference, {@code .R} and four Crockford base32 symbols, e.g.
 * {@code SN-7Q2K-9M4D-XW3P.R4K9Z}. It names its case, so no index is needed to find the case of a referral, and it is
 * safe in a URL path.
 */
public record ReferralId(String value) {

    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("(SN(?:-[0-9A-HJKMNP-TV-Z]{4}){3})\\.R[0-9A-HJKMNP-TV-Z]{4}");

    public ReferralId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a referral id");
        }
    }

    public static ReferralId random(Reference reference, SecureRandom random) {
        return new ReferralId(reference.value() + ".R" + CrockfordBase32.randomGroups(random, 1));
    }

    /**
     * The id of the referral created in {@code reference} under the {@code Idempotency-Key} whose SHA-256 is
     * {@code keyHash}; {@code attempt} draws another one should that id be taken by another referral of the case.
     */
    public static ReferralId forKey(Reference reference, String keyHash, int attempt) {
        byte[] digest = Sha256.of("senim/referral/v1\u001F" + reference.value() + "\u001F" + keyHash + "\u001F"
                + attempt);
        int bits = ((digest[0] & 0xFF) << 12) | ((digest[1] & 0xFF) << 4) | ((digest[2] & 0xFF) >> 4);
        StringBuilder symbols = new StringBuilder(4);
        for (int shift = 15; shift >= 0; shift -= 5) {
            symbols.append(SYMBOLS.charAt((bits >> shift) & 0x1F));
        }
        return new ReferralId(reference.value() + ".R" + symbols);
    }

    /** Reads an id from a request path; tolerant of case and of the letters Crockford base32 confuses. */
    public static Optional<ReferralId> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        String normalised = CrockfordBase32.normalise(text.strip().toUpperCase(Locale.ROOT));
        return FORMAT.matcher(normalised).matches() ? Optional.of(new ReferralId(normalised)) : Optional.empty();
    }

    public Reference reference() {
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a referral id");
        }
        return new Reference(matcher.group(1));
    }

    @Override
    public String toString() {
        return value;
    }
}
