package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kz.senim.acknowledgement.IssuedLinks.IssuedLink;
import kz.senim.i18n.Language;
import org.junit.jupiter.api.Test;

/** What every {@link IssuedLinks} does, the in-memory fake as the DynamoDB adapter. */
public abstract class IssuedLinksContract {

    private static final Instant ISSUED = Instant.parse("2026-11-23T12:00:00Z");

    /** A store with nothing in it. */
    protected abstract IssuedLinks links();

    @Test
    void a_saved_link_is_found_by_its_hash_with_its_alert_language_and_expiry() {
        IssuedLinks links = links();
        IssuedLink link = link("a".repeat(64), Language.KK);

        assertThat(links.save(link)).isTrue();

        assertThat(links.find(link.idHash())).contains(link);
        assertThat(links.find("b".repeat(64))).isEmpty();
    }

    @Test
    void a_hash_is_taken_once_and_the_first_link_stays() {
        IssuedLinks links = links();
        IssuedLink first = link("c".repeat(64), Language.RU);
        IssuedLink second = new IssuedLink(first.idHash(), "SN-7Q2K-9M4D-XW3P.police-att-liaison", Language.EN,
                ISSUED.plusSeconds(5), ISSUED.plus(Duration.ofHours(25)));

        assertThat(links.save(first)).isTrue();
        assertThat(links.save(second)).isFalse();

        assertThat(links.find(first.idHash())).contains(first);
    }

    @Test
    void an_expired_link_is_still_found_until_it_is_removed_and_the_caller_tells_it_has_expired() {
        IssuedLinks links = links();
        IssuedLink old = new IssuedLink("d".repeat(64), "SN-7Q2K-9M4D-XW3P.kz-75-commission", Language.UZ,
                ISSUED.minus(Duration.ofDays(3)), ISSUED.minus(Duration.ofDays(2)));

        links.save(old);

        assertThat(links.find(old.idHash())).contains(old);
    }

    private static IssuedLink link(String hash, Language language) {
        return new IssuedLink(hash, "SN-7Q2K-9M4D-XW3P.kz-75-commission", language, ISSUED,
                ISSUED.plus(AcknowledgementLinks.VALIDITY));
    }
}
