package kz.senim.acknowledgement;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import kz.senim.acknowledgement.IssuedLinks.IssuedLink;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.cases.CrockfordBase32;
import kz.senim.cases.Sha256;
import kz.senim.i18n.Language;

/**
 * Short acknowledgement links: whoever holds the link of an alert may acknowledge it once, without signing in, until
 * it expires. A link is {@code <public base>/v1/ack/<id>}, the id {@value #ID_SYMBOLS} random Crockford base32
 * symbols (80 bits), so it fits an SMS; Senim keeps only the SHA-256 of the id ({@link IssuedLinks}), with the alert
 * and the language of the alerted organisation. One-time use is enforced where the acknowledgement is stored
 * ({@link Acknowledgements.LinkUse}), under that hash.
 *
 * <p>The long signed links alerts carried before ({@link SignedLinks}) are still accepted until they expire.
 */
public final class AcknowledgementLinks {

    /** Long enough for an on-call night, short enough that a forwarded message soon stops working. */
    public static final Duration VALIDITY = Duration.ofHours(24);
    public static final int ID_SYMBOLS = 16;
    /** The path of a link under the API's public base URL. */
    public static final String PATH = "/v1/ack/";
    private static final Pattern ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + ID_SYMBOLS + "}");
    private static final int ATTEMPTS = 3;

    private final IssuedLinks issued;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration validity;
    private final Optional<SignedLinks> signed;

    public AcknowledgementLinks(IssuedLinks issued, Clock clock, SecureRandom random, Duration validity) {
        this(issued, clock, random, validity, Optional.empty());
    }

    /** @param signed the checker of the long signed links of before, while some may still be valid */
    public AcknowledgementLinks(IssuedLinks issued, Clock clock, SecureRandom random, Duration validity,
            Optional<SignedLinks> signed) {
        this.issued = issued;
        this.clock = clock;
        this.random = random;
        this.validity = validity;
        this.signed = signed;
    }

    /**
     * A link that was given out and holds: which alert, its one-time id (the hash), until when, and the language of
     * its page (none for a signed link of before).
     */
    public record Link(String alertId, String linkId, Instant expiresAt, Optional<Language> language) {
    }

    /**
     * Gives out a new link for {@code alertId}, valid for the validity from now; its page will be in
     * {@code language}.
     *
     * @return the link's id, as it goes in the URL
     * @throws kz.senim.cases.StorageUnavailable when the link could not be kept
     */
    public String issue(String alertId, Language language) {
        if (AlertAddress.parse(alertId).isEmpty()) {
            throw new IllegalArgumentException("not an alert id");
        }
        Instant now = clock.instant();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String id = CrockfordBase32.randomSymbols(random, ID_SYMBOLS);
            if (issued.save(new IssuedLink(hash(id), alertId, language, now, now.plus(validity)))) {
                return id;
            }
        }
        throw new IllegalStateException("no free link id in " + ATTEMPTS + " attempts");
    }

    /** The link a token of a URL stands for; empty when it is malformed, unknown, tampered with or expired. */
    public Optional<Link> resolve(String token) {
        if (token == null) {
            return Optional.empty();
        }
        if (token.length() == ID_SYMBOLS) {
            String id = CrockfordBase32.normalise(token.toUpperCase(Locale.ROOT));
            if (!ID.matcher(id).matches()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            return issued.find(hash(id))
                    .filter(link -> now.isBefore(link.expiresAt()))
                    .map(link -> new Link(link.alertId(), link.idHash(), link.expiresAt(),
                            Optional.of(link.language())));
        }
        return signed.filter(checker -> SignedLinks.looksSigned(token)).flatMap(checker -> checker.verify(token));
    }

    /**
     * The acknowledgement links alert messages carry, {@code <publicBaseUrl>/v1/ack/<id>}, their pages in the
     * language {@code languageOf} gives the alerted organisation.
     *
     * @throws IllegalArgumentException (when a link is made) unless the base is an absolute http(s) URL
     */
    public DispatchAlerts.AcknowledgeUrls urlsUnder(String publicBaseUrl, Function<String, Language> languageOf) {
        String prefix = publicBaseUrl.strip().replaceAll("/+$", "") + PATH;
        return alert -> {
            URI base = URI.create(prefix);
            if (!base.isAbsolute() || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))
                    || base.getHost() == null) {
                throw new IllegalArgumentException("the public base URL must be an absolute http(s) URL");
            }
            return Optional.of(prefix + issue(alert.alertId(), languageOf.apply(alert.organisationId())));
        };
    }

    /** How a link's id is kept: lower-case hex SHA-256 of its upper-case form. */
    static String hash(String id) {
        return Sha256.hex("senim-ack-link/v2:" + id);
    }
}
