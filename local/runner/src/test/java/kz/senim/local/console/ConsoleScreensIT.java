package kz.senim.local.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kz.senim.local.Options;
import kz.senim.local.SenimLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every screen of the console in Kazakh, Russian and English, on a 360-px phone and on a desktop: checked with
 * axe-core, free of horizontal overflow on the phone, in the language chosen, and photographed under
 * target/console-screenshots/. Signing out leaves nothing of the session in the browser.
 */
class ConsoleScreensIT {

    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final Map<String, String> LOCALES = Map.of("kk", "kk-KZ", "ru", "ru-RU", "en", "en-GB");
    /** Each screen's main heading, per language (messages/*.js), proving the language in use. */
    private static final Map<String, Map<String, String>> HEADINGS = Map.of(
            "signin", Map.of("kk", "Senim жүйесіне кіру", "ru", "Вход в Senim", "en", "Sign in to Senim"),
            "queue", Map.of("kk", "Сіздің өңірлеріңіздің істері", "ru", "Дела ваших регионов", "en",
                    "Cases in your regions"),
            "referrals", Map.of("kk", "Менің жолдамаларым", "ru", "Мои направления", "en", "My referrals"),
            "overview", Map.of("kk", "Барлық өңірлер", "ru", "Все регионы", "en", "All regions"));
    private static final Map<String, String> SIGN_OUT = Map.of("kk", "Шығу", "ru", "Выйти", "en", "Sign out");

    private static SenimLocal senim;
    private static ConsoleBrowser browser;
    private static StaffApi api;
    private static String reference;

    @BeforeAll
    static void start() {
        senim = SenimLocal.start(Options.forTests(), Clock.systemUTC());
        api = new StaffApi(senim.baseUri());
        browser = ConsoleBrowser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        reference = api.submit(StaffApi.reportInAlmaty(
                "Нас держат в цеху за автобазой, паспорта забрали. Помогите, пожалуйста.", "ru"))
                .path("reference").asText();
        StaffApi.Answer opened = api.as(ConsoleJourneysIT.DANA, "GET", "/v1/cases/" + reference, null);
        api.as(ConsoleJourneysIT.DANA, "POST", "/v1/alerts/" + reference + ".kz-75-commission/acknowledgement", null);
        assertThat(opened.status()).isEqualTo(200);
        String due = java.time.LocalDate.now(kz.senim.cases.CaseReferrals.ReferralLine.CALENDAR).plusDays(1)
                .toString();
        StaffApi.Answer referred = api.as(ConsoleJourneysIT.DANA, "POST", "/v1/cases/" + reference + "/referrals",
                "{\"providerId\":\"ngo-shelter-almaty\",\"service\":\"shelter\",\"consentGiven\":true,\"dueDate\":\""
                        + due + "\"}");
        assertThat(referred.status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            assertThat(browser.refused()).as("requests to anywhere but 127.0.0.1").isEmpty();
            browser.close();
        }
        senim.close();
    }

    @Test
    void everyScreenInEveryLanguageOnAPhoneAndADesktop() {
        for (String lang : LANGUAGES) {
            for (boolean phone : List.of(true, false)) {
                String size = phone ? "phone" : "desktop";
                Page page = browser.open(phone ? ConsoleBrowser.PHONE_WIDTH : ConsoleBrowser.DESKTOP_WIDTH,
                        phone ? ConsoleBrowser.PHONE_HEIGHT : ConsoleBrowser.DESKTOP_HEIGHT, LOCALES.get(lang));
                page.navigate(senim.baseUri() + "/console/");
                assertThat(page.locator("h1")).hasText(HEADINGS.get("signin").get(lang));
                assertThat(page.locator("html")).hasAttribute("lang", lang);
                browser.check(page, "signin-" + size + "-" + lang);

                signIn(page, ConsoleJourneysIT.DANA);
                assertThat(page.locator("h1")).hasText(HEADINGS.get("queue").get(lang));
                assertThat(page.locator(".case-card", new Page.LocatorOptions().setHasText(reference))).isVisible();
                browser.check(page, "queue-" + size + "-" + lang);
                assertThat(page.evaluate("() => localStorage.length + sessionStorage.length")).isEqualTo(0);
                assertThat(page.evaluate("() => document.cookie")).isEqualTo("");

                page.navigate(senim.baseUri() + "/console/#/case/" + reference);
                assertThat(page.locator(".narrative")).containsText("Нас держат в цеху");
                browser.check(page, "case-" + size + "-" + lang);
                signOut(page, lang);

                signIn(page, ConsoleJourneysIT.MADINA);
                assertThat(page.locator("h1")).hasText(HEADINGS.get("referrals").get(lang));
                assertThat(page.locator(".referral", new Page.LocatorOptions().setHasText(reference))).isVisible();
                browser.check(page, "referrals-" + size + "-" + lang);
                signOut(page, lang);

                signIn(page, ConsoleJourneysIT.SAULE);
                assertThat(page.locator("h1")).hasText(HEADINGS.get("overview").get(lang));
                assertThat(page.locator(".overview-table tr[data-region='KZ-75']")).isVisible();
                browser.check(page, "overview-" + size + "-" + lang);
                signOut(page, lang);
                page.context().close();
            }
        }
        assertThat(Files.exists(java.nio.file.Path.of(System.getProperty("senim.console.screenshots",
                "target/console-screenshots"), "overview-desktop-en.png"))).isTrue();
        assertThat(browser.requests()).anyMatch(url -> url.contains("/v1/overview"));
    }

    private static void signIn(Page page, String person) {
        page.locator(".person-card", new Page.LocatorOptions().setHasText(ConsoleJourneysIT.NAMES.get(person)))
                .click();
        assertThat(page.locator(".who .person")).hasText(ConsoleJourneysIT.NAMES.get(person));
    }

    /** Signing out forgets the token: going back to a screen shows the sign-in page again. */
    private static void signOut(Page page, String lang) {
        Locator button = page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(SIGN_OUT.get(lang)).setExact(true));
        button.click();
        assertThat(page.locator("h1")).hasText(HEADINGS.get("signin").get(lang));
        assertThat(page.locator(".who")).hasCount(0);
        assertThat(page.evaluate("() => localStorage.length + sessionStorage.length")).isEqualTo(0);
    }
}
