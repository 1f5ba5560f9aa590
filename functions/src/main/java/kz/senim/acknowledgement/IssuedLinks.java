package kz.senim.acknowledgement;

import java.time.Instant;
import java.util.Optional;
import kz.senim.i18n.Language;

/**
 * The acknowledgement links given out, each known only by the SHA-256 of its id: whoever reads the store cannot
 * make a link from it. Whether a link was used is kept with the acknowledgement ({@link Acknowledgements}).
 */
public interface IssuedLinks {

    /**
     * Keeps a new link until it expires.
     *
     * @return false, storing nothing, when a link with the same hash exists
     */
    boolean save(IssuedLink link);

    /** The link whose id hashes to {@code idHash}, expired or not; empty when there is none. */
    Optional<IssuedLink> find(String idHash);

    /**
     * @param language the alerted organisation's alert language, in which the link's page is shown
     */
    record IssuedLink(String idHash, String alertId, Language language, Instant issuedAt, Instant expiresAt) {
    }
}
