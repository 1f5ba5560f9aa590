package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;
import kz.senim.regions.Region;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.UrgencyWords;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SMS and e-mail of an alert, rendered for every language, category, region (and "unknown") and urgency: an SMS
 * is never more than two UCS-2 segments, and says all it can.
 */
class AlertWordingTest {

    private static final RegionCatalogue REGIONS = RegionCatalogue.load();
    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");
    private static final Instant CREATED = Instant.parse("2026-11-23T12:04:00Z");
    /** When a notice says the case's content will be erased: the 8th already in Kazakhstan (UTC+5). */
    private static final Instant DUE = Instant.parse("2026-12-07T20:00:00Z");
    private static final String ID = "7Q2K9M4DXW3PHN7C";
    /** The local runner's link. */
    private static final String LOCAL_LINK = "http://localhost:8080/v1/ack/" + ID;
    /** A short custom domain's link, as long as a link may be with every fact in words. */
    private static final String SHORT_DOMAIN_LINK = "https://ack.senim.gov.kz/v1/ack/" + ID;
    /** The API's own URL with the template's default stage. */
    private static final String API_LINK = "https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/dev/v1/ack/" + ID;
    /** The longest the API's own URL can be: a 16-letter stage in a long region name. */
    private static final String LONGEST_API_LINK =
            "https://a1b2c3d4e5.execute-api.ap-southeast-5.amazonaws.com/abcdefghijklmnop/v1/ack/" + ID;

    private final AlertWording wording = new AlertWording(REGIONS, Optional.of("https://console.senim.example/"));

    private static List<RegionCode> everyRegion() {
        List<RegionCode> codes = new ArrayList<>(REGIONS.all().stream().map(Region::code).toList());
        codes.add(RegionCode.UNKNOWN);
        return codes;
    }

    private static List<Alert> everyAlert() {
        List<Alert> alerts = new ArrayList<>();
        for (RegionCode region : everyRegion()) {
            for (Category category : Category.values()) {
                for (Severity severity : Severity.values()) {
                    alerts.add(Alert.of(REFERENCE, "kz-75-commission", region, category, severity, CREATED));
                }
            }
        }
        return alerts;
    }

    private String sms(Alert alert, Language language, Optional<String> link) {
        return wording.texts(new AlertWording.Subject.OneCase(alert), language, link, "Commission").sms();
    }

    @Test
    void the_links_of_the_test_are_as_long_as_they_say() {
        assertThat(LOCAL_LINK).hasSize(45);
        assertThat(SHORT_DOMAIN_LINK).hasSize(AlertWording.LINK_FOR_EVERY_FACT);
        assertThat(API_LINK).hasSize(85);
        assertThat(LONGEST_API_LINK).hasSize(100);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_sms_fits_two_ucs2_segments_whatever_the_category_region_urgency_and_link(Language language) {
        List<Optional<String>> links = List.of(Optional.empty(), Optional.of(LOCAL_LINK),
                Optional.of(SHORT_DOMAIN_LINK), Optional.of(API_LINK), Optional.of(LONGEST_API_LINK),
                Optional.of("https://" + "x".repeat(300) + "/v1/ack/" + ID));
        SoftAssertions softly = new SoftAssertions();
        int longest = 0;
        for (Alert alert : everyAlert()) {
            for (Optional<String> link : links) {
                String sms = sms(alert, language, link);
                longest = Math.max(longest, sms.length());
                softly.assertThat(sms.length()).as(sms).isLessThanOrEqualTo(134);
                softly.assertThat(sms).as("the reference, always").contains(REFERENCE.value());
                softly.assertThat(sms).as("the urgency, always")
                        .contains(UrgencyWords.of(language, alert.severity()));
            }
        }
        softly.assertAll();
        assertThat(longest).as("the longest SMS in %s", language).isBetween(100, 134);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void with_a_link_of_up_to_48_characters_every_fact_is_in_words(Language language) {
        SoftAssertions softly = new SoftAssertions();
        for (Alert alert : everyAlert()) {
            for (String link : List.of(LOCAL_LINK, SHORT_DOMAIN_LINK)) {
                String sms = sms(alert, language, Optional.of(link));
                softly.assertThat(sms).as(sms).contains(
                        UrgencyWords.of(language, alert.severity()),
                        wording.category(alert.category(), language),
                        wording.regionShort(alert.region(), language),
                        REFERENCE.value(),
                        link);
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void with_the_apis_own_long_url_the_link_still_goes_with_urgency_and_reference(Language language) {
        SoftAssertions softly = new SoftAssertions();
        for (Alert alert : everyAlert()) {
            for (String link : List.of(API_LINK, LONGEST_API_LINK)) {
                softly.assertThat(sms(alert, language, Optional.of(link))).contains(link, REFERENCE.value());
            }
        }
        softly.assertAll();
    }

    @Test
    void a_short_alert_reads_as_a_sentence_with_a_label_for_the_link() {
        Alert astana = Alert.of(REFERENCE, "kz-71-commission", new RegionCode("KZ-71"), Category.BEGGING,
                Severity.HIGH, CREATED);
        Alert almaty = Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.FORCED_LABOUR,
                Severity.CRITICAL, CREATED);

        assertThat(sms(astana, Language.RU, Optional.of(LOCAL_LINK))).isEqualTo("Senim, срочность ВЫСОКАЯ:"
                + " Попрошайничество, Астана, SN-7Q2K-9M4D-XW3P. Подтвердить: " + LOCAL_LINK);
        assertThat(sms(almaty, Language.EN, Optional.of(LOCAL_LINK))).isEqualTo("Senim, CRITICAL urgency:"
                + " Forced labour, Almaty, SN-7Q2K-9M4D-XW3P. Acknowledge: " + LOCAL_LINK);
        assertThat(sms(almaty, Language.RU, Optional.of(LOCAL_LINK))).as("a little longer: without the label")
                .isEqualTo("Срочность КРИТИЧЕСКАЯ: Принудительный труд, Алматы, SN-7Q2K-9M4D-XW3P " + LOCAL_LINK);
    }

    @Test
    void without_a_link_the_sms_says_to_acknowledge_in_the_console() {
        Alert astana = Alert.of(REFERENCE, "kz-71-commission", new RegionCode("KZ-71"), Category.BEGGING,
                Severity.HIGH, CREATED);

        assertThat(sms(astana, Language.KK, Optional.empty())).isEqualTo("Senim, шұғылдығы ЖОҒАРЫ:"
                + " Қайыршылыққа мәжбүрлеу, Астана, SN-7Q2K-9M4D-XW3P. Senim консолінде растаңыз.");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void the_email_gives_the_same_facts_the_link_and_the_case_in_the_console(Language language) {
        SoftAssertions softly = new SoftAssertions();
        for (Alert alert : everyAlert()) {
            AlertTexts texts = wording.texts(new AlertWording.Subject.OneCase(alert), language,
                    Optional.of(API_LINK), "Regional commission (Almaty)");
            String urgency = wording.urgency(alert.severity(), language);
            String category = wording.category(alert.category(), language);
            String region = wording.region(alert.region(), language);
            softly.assertThat(texts.emailSubject()).contains(urgency, category,
                    wording.regionShort(alert.region(), language), REFERENCE.value()).doesNotContain("\n");
            softly.assertThat(texts.emailSubject().length()).isLessThan(100);
            softly.assertThat(texts.emailBody()).contains("Regional commission (Almaty)", urgency, category, region,
                    REFERENCE.value(), API_LINK, "https://console.senim.example/#/case/SN-7Q2K-9M4D-XW3P",
                    "2026-11-23 17:04 UTC+05:00");
        }
        softly.assertAll();
    }

    @Test
    void an_email_without_a_link_or_a_console_says_how_to_acknowledge_and_links_nowhere() {
        AlertWording noConsole = new AlertWording(REGIONS, Optional.empty());
        Alert alert = Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.FORCED_LABOUR,
                Severity.HIGH, CREATED);

        String body = noConsole.texts(new AlertWording.Subject.OneCase(alert), Language.UZ, Optional.empty(),
                "Komissiya").emailBody();

        assertThat(body).contains("Tizimga kirgach, Senim konsolida tasdiqlang.", REFERENCE.value())
                .doesNotContain("http");
    }

    @Test
    void the_console_link_is_the_consoles_case_route_and_only_a_web_address_is_taken() {
        assertThat(new AlertWording(REGIONS, Optional.of("http://localhost:8080/console")).caseUrl(REFERENCE))
                .contains("http://localhost:8080/console/#/case/SN-7Q2K-9M4D-XW3P");
        assertThat(new AlertWording(REGIONS, Optional.of("https://d111.cloudfront.net/")).caseUrl(REFERENCE))
                .contains("https://d111.cloudfront.net/#/case/SN-7Q2K-9M4D-XW3P");
        assertThat(new AlertWording(REGIONS, Optional.of("javascript:alert(1)")).caseUrl(REFERENCE)).isEmpty();
        assertThat(new AlertWording(REGIONS, Optional.of("")).caseUrl(REFERENCE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void a_windows_digest_says_how_many_reports_from_where_and_since_when_in_two_segments(Language language) {
        Alert carrier = Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.HIGH, CREATED);
        Instant windowStart = Instant.parse("2026-11-23T12:00:00Z");
        java.util.SortedSet<String> oneRegion = new java.util.TreeSet<>(List.of("KZ-75"));
        java.util.SortedSet<String> allRegions = new java.util.TreeSet<>(everyRegion().stream()
                .map(RegionCode::value).toList());

        AlertTexts few = digest(carrier, 17, oneRegion, windowStart, language, Optional.of(LOCAL_LINK));
        AlertTexts many = digest(carrier, 480, allRegions, windowStart, language, Optional.of(LONGEST_API_LINK));
        AlertTexts noLink = digest(carrier, 6, oneRegion, windowStart, language, Optional.empty());

        // 12:00 UTC is 17:00 in Kazakhstan: the window's start as people there read it.
        assertThat(few.sms()).contains("17", "17:00", LOCAL_LINK).hasSizeLessThanOrEqualTo(AlertWording.SMS_LIMIT);
        assertThat(many.sms()).contains("480").hasSizeLessThanOrEqualTo(AlertWording.SMS_LIMIT);
        assertThat(noLink.sms()).contains("6").doesNotContain("/v1/ack/");
        assertThat(few.emailSubject()).contains("17").contains("17:00");
        assertThat(few.emailBody()).contains("17", LOCAL_LINK, "https://console.senim.example/")
                .doesNotContain(REFERENCE.value());
        assertThat(many.emailBody()).as("every region named in the e-mail")
                .contains(REGIONS.region(new RegionCode("KZ-10")).orElseThrow().name(language))
                .contains(REGIONS.region(new RegionCode("KZ-79")).orElseThrow().name(language));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void a_notice_fits_two_segments_names_the_case_and_what_happens_to_it_and_asks_for_no_acknowledgement(
            Language language) {
        SoftAssertions softly = new SoftAssertions();
        for (RegionCode region : everyRegion()) {
            for (Alert.Notice notice : List.of(Alert.Notice.erasureDue(DUE), Alert.Notice.referralsRevoked())) {
                Alert alert = Alert.notice(REFERENCE, "kz-75-commission", region, Category.FORCED_LABOUR, notice,
                        CREATED);
                AlertTexts texts = wording.texts(AlertWording.Subject.of(alert, Optional.empty()), language,
                        Optional.empty(), "Commission");
                String what = region.value() + " " + notice.kind().code();
                softly.assertThat(texts.sms()).as(what).hasSizeLessThanOrEqualTo(AlertWording.SMS_LIMIT)
                        .contains(REFERENCE.value()).doesNotContain("/v1/ack/");
                softly.assertThat(texts.emailSubject()).as(what).contains(REFERENCE.value());
                softly.assertThat(texts.emailBody()).as(what).contains(REFERENCE.value())
                        .contains(wording.category(Category.FORCED_LABOUR, language))
                        .contains(wording.region(region, language)).doesNotContain("/v1/ack/");
                if (notice.kind() == Alert.Notice.Kind.CONTENT_ERASURE_DUE) {
                    // 20:00 UTC on the 7th is past midnight in Kazakhstan: the 8th there
                    softly.assertThat(texts.sms()).as(what).contains("2026-12-08");
                    softly.assertThat(texts.emailBody()).as(what)
                            .contains("2026-12-08", "https://console.senim.example/#/case/" + REFERENCE.value());
                } else {
                    softly.assertThat(texts.emailBody()).as(what).doesNotContain("console.senim.example");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void a_notice_reads_in_each_language_in_its_own_words() {
        Alert due = Alert.notice(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.FORCED_LABOUR,
                Alert.Notice.erasureDue(DUE), CREATED);
        Alert revoked = Alert.notice(REFERENCE, "ngo-shelter-almaty", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Alert.Notice.referralsRevoked(), CREATED);

        assertThat(noticeSms(due, Language.KK)).isEqualTo(
                "Senim: іспен жұмыс істелмесе, SN-7Q2K-9M4D-XW3P (Алматы) ісіндегі жазылғандар 2026-12-08 күні өшіріледі.");
        assertThat(noticeSms(due, Language.RU)).isEqualTo(
                "Senim: написанное в деле SN-7Q2K-9M4D-XW3P (Алматы) будет удалено 2026-12-08, если дело не возьмут в работу.");
        assertThat(noticeSms(due, Language.EN)).isEqualTo(
                "Senim: what was written in case SN-7Q2K-9M4D-XW3P (Almaty) will be erased on 2026-12-08 unless the case is worked before.");
        assertThat(noticeSms(due, Language.UZ)).isEqualTo(
                "Senim: ish bilan shug‘ullanilmasa, SN-7Q2K-9M4D-XW3P (Olmaota) ishidagi yozilganlar 2026-12-08 kuni o‘chiriladi.");
        assertThat(noticeSms(revoked, Language.KK)).isEqualTo(
                "Senim: хабарлаушы SN-7Q2K-9M4D-XW3P (Алматы) ісін кері қайтарып алды; жолдамаларыңыз кері қайтарылды, жазылғандар өшірілді.");
        assertThat(noticeSms(revoked, Language.RU)).isEqualTo(
                "Senim: сообщивший отозвал дело SN-7Q2K-9M4D-XW3P (Алматы). Направления вашей организации по нему отозваны, написанное удалено.");
        assertThat(noticeSms(revoked, Language.EN)).isEqualTo(
                "Senim: the reporter withdrew case SN-7Q2K-9M4D-XW3P (Almaty); your referrals for it are revoked and what was written is erased.");
        assertThat(noticeSms(revoked, Language.UZ)).isEqualTo(
                "Senim: xabar beruvchi SN-7Q2K-9M4D-XW3P (Olmaota) ishini qaytarib oldi; yo‘llanmalaringiz bekor qilindi, yozilganlar o‘chirildi.");
    }

    private String noticeSms(Alert notice, Language language) {
        return wording.texts(AlertWording.Subject.of(notice, Optional.empty()), language, Optional.empty(),
                "Commission").sms();
    }

    private AlertTexts digest(Alert carrier, int count, java.util.SortedSet<String> regions, Instant windowStart,
            Language language, Optional<String> link) {
        return wording.texts(new AlertWording.Subject.Digest(carrier,
                new PagingWindows.Decision.Digest(count, regions, windowStart)), language, link, "Commission");
    }

}
