package kz.senim.local.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kz.senim.local.Options;
import kz.senim.local.SenimLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a reporter writes cannot run or restyle anything in the console: a narrative full of HTML shows as the text it
 * is, under a Content-Security-Policy that refuses inline scripts even when something manages to add one; and the
 * console loads nothing from anywhere but its own origin.
 */
class ConsoleSafetyIT {

    private static final String DANA = "dana.coordinator.almaty";
    /**
     * Markup, a script, and right-to-left words that would reorder the page around them if they were not isolated
     * (explicit bidi controls never get this far: intake refuses them, naming the field).
     */
    private static final String HOSTILE = "<img src=x onerror=\"window.__senimPwned='img'\">"
            + "<script>window.__senimPwned='script'</script><b style=\"font-size:90px\">BIG</b> مرحبا بالعالم";

    private static SenimLocal senim;
    private static ConsoleBrowser browser;
    private static StaffApi api;

    @BeforeAll
    static void start() {
        // The system clock: the browser ages cases and dates referrals on its own clock, which must agree.
        senim = SenimLocal.start(Options.forTests(), Clock.systemUTC());
        api = new StaffApi(senim.baseUri());
        browser = ConsoleBrowser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        senim.close();
    }

    @Test
    void aNarrativeOfHtmlShowsAsTextRunsNothingAndTheCspRefusesInlineScript() {
        JsonNode report = api.submit(StaffApi.reportInAlmaty(HOSTILE, "en"));
        String reference = report.path("reference").asText();
        Page page = browser.open(ConsoleBrowser.DESKTOP_WIDTH, ConsoleBrowser.DESKTOP_HEIGHT, "en-GB");
        List<String> blocked = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                blocked.add(message.text());
            }
        });

        Response served = page.navigate(senim.baseUri() + "/console/");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.headerValue("content-security-policy"))
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(served.headerValue("referrer-policy")).isEqualTo("no-referrer");
        assertThat(served.headerValue("x-content-type-options")).isEqualTo("nosniff");

        page.locator(".person-card", new Page.LocatorOptions().setHasText("Dana Serikovna")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".who .person"))
                .hasText("Dana Serikovna");
        page.navigate(senim.baseUri() + "/console/#/case/" + reference);
        var narrative = page.locator(".narrative");
        assertThat(narrative).containsText("<img src=x onerror=");
        assertThat(narrative).containsText("<script>window.__senimPwned='script'</script>");
        assertThat(narrative.locator("img, script, b")).hasCount(0);
        assertThat(narrative).hasAttribute("dir", "auto");
        assertThat(page.evaluate("() => getComputedStyle(document.querySelector('.narrative')).unicodeBidi"))
                .isEqualTo("isolate");
        assertThat(page.evaluate("() => window.__senimPwned === undefined")).isEqualTo(true);

        // Even a script element added to the page by someone else is refused: no inline script runs.
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                + " document.body.appendChild(s); }");
        assertThat(page.evaluate("() => window.__inline === undefined")).isEqualTo(true);
        assertThat(blocked).isNotEmpty();
        browser.check(page, "safety-hostile-narrative-desktop-en");

        assertThat(browser.requests()).anyMatch(url -> url.endsWith("/console/"))
                .anyMatch(url -> url.contains("/v1/cases/" + reference));
        assertThat(browser.refused()).isEmpty();
        page.context().close();
    }
}
