package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.alerting.AlertWording;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;
import kz.senim.testing.InMemoryIssuedLinks;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcknowledgementLinksTest {

    private static final String ALERT_ID = "SN-7Q2K-9M4D-XW3P.kz-75-commission";

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryIssuedLinks issued = new InMemoryIssuedLinks();
    private final AcknowledgementLinks links = new AcknowledgementLinks(issued, clock, new SecureRandom(),
            AcknowledgementLinks.VALIDITY);

    @Test
    void a_link_is_16_crockford_symbols_and_names_its_alert_and_page_language_for_24_hours() {
        String id = links.issue(ALERT_ID, Language.KK);

        assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(links.resolve(id)).hasValueSatisfying(link -> {
            assertThat(link.alertId()).isEqualTo(ALERT_ID);
            assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
            assertThat(link.language()).contains(Language.KK);
        });
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(links.resolve(id)).isPresent();
    }

    @Test
    void only_the_sha256_of_the_id_is_kept_and_it_is_the_one_time_id() {
        String id = links.issue(ALERT_ID, Language.RU);

        IssuedLinks.IssuedLink kept = issued.all().getFirst();
        assertThat(kept.idHash()).isEqualTo(sha256Hex("senim-ack-link/v2:" + id));
        assertThat(kept.toString()).doesNotContain(id);
        assertThat(links.resolve(id).orElseThrow().linkId()).isEqualTo(kept.idHash());
    }

    @Test
    void an_expired_link_is_refused() {
        String id = links.issue(ALERT_ID, Language.RU);
        assertThat(links.resolve(id)).isPresent();

        clock.advance(Duration.ofHours(24));

        assertThat(links.resolve(id)).isEmpty();
    }

    @Test
    void every_link_is_a_different_one() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(links.issue(ALERT_ID, Language.RU));
        }

        assertThat(ids).hasSize(200);
        assertThat(issued.all()).hasSize(200);
    }

    @Test
    void a_link_typed_in_lower_case_or_with_look_alike_letters_still_works() {
        String id = links.issue(ALERT_ID, Language.RU);
        String typed = id.toLowerCase(Locale.ROOT).replace('0', 'o').replace('1', 'l');

        assertThat(links.resolve(typed)).hasValueSatisfying(link -> assertThat(link.alertId()).isEqualTo(ALERT_ID));
    }

    @Test
    void when_an_id_is_taken_another_is_drawn() {
        issued.refuseNext(2);

        String id = links.issue(ALERT_ID, Language.RU);

        assertThat(links.resolve(id)).isPresent();
        assertThat(issued.all()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0123456789ABCDE", "0123456789ABCDEFG", "0123456789ABCDEU", "0123456789ABCDE.",
            "../../../etc/pass", "0123456789ABCDEF", "%30123456789ABCDE"})
    void anything_else_is_refused(String token) {
        links.issue(ALERT_ID, Language.RU);

        assertThat(links.resolve(token)).isEmpty();
        assertThat(links.resolve(null)).isEmpty();
    }

    @Test
    void only_alert_ids_get_links() {
        assertThatThrownBy(() -> links.issue("../../etc", Language.RU)).isInstanceOf(IllegalArgumentException.class);
        assertThat(issued.all()).isEmpty();
    }

    @Test
    void alert_messages_link_to_the_public_api_in_the_language_of_the_alerted_organisation() {
        Alert alert = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-61-commission", new RegionCode("KZ-61"),
                Category.BEGGING, Severity.HIGH, Instant.parse("2026-11-23T12:00:00Z"));
        Map<String, Language> languages = Map.of("kz-61-commission", Language.KK);

        String url = links.urlsUnder("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/dev/",
                languages::get).forAlert(alert).orElseThrow();

        assertThat(url).matches("https://a1b2c3d4e5\\.execute-api\\.eu-central-1\\.amazonaws\\.com/dev/v1/ack/"
                + "[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(links.resolve(url.substring(url.lastIndexOf('/') + 1))).hasValueSatisfying(link -> {
            assertThat(link.alertId()).isEqualTo(alert.alertId());
            assertThat(link.language()).contains(Language.KK);
        });
        assertThatThrownBy(() -> links.urlsUnder("senim-public-base-url", languages::get).forAlert(alert))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_link_under_the_local_runner_or_a_short_domain_leaves_room_for_every_fact_in_an_sms() {
        Alert alert = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission", new RegionCode("KZ-75"),
                Category.BEGGING, Severity.HIGH, Instant.parse("2026-11-23T12:00:00Z"));

        for (String base : new String[] {"http://localhost:8080", "https://ack.senim.gov.kz"}) {
            String url = links.urlsUnder(base, organisation -> Language.RU).forAlert(alert).orElseThrow();
            assertThat(url).startsWith(base + "/v1/ack/").hasSizeLessThanOrEqualTo(AlertWording.LINK_FOR_EVERY_FACT);
        }
    }

    @Test
    void the_long_signed_links_of_before_still_work_until_they_expire_but_only_with_their_key() {
        Instant expiry = clock.instant().plus(Duration.ofHours(3));
        String token = SignedTokens.token(SignedTokens.KEY, ALERT_ID, expiry, "nzpsHS5LWml4h5altMPS4Q");
        AcknowledgementLinks withOldLinks = new AcknowledgementLinks(issued, clock, new SecureRandom(),
                AcknowledgementLinks.VALIDITY, Optional.of(new SignedLinks(() -> SignedTokens.KEY, clock)));

        assertThat(withOldLinks.resolve(token)).contains(new AcknowledgementLinks.Link(ALERT_ID,
                "nzpsHS5LWml4h5altMPS4Q", expiry, Optional.empty()));
        assertThat(links.resolve(token)).isEmpty();
        clock.advance(Duration.ofHours(3));
        assertThat(withOldLinks.resolve(token)).isEmpty();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
