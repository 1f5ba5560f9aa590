package kz.senim.local.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import kz.senim.cases.CaseReferrals;
import kz.senim.local.Options;
import kz.senim.local.SenimLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of staff through the console in a real Chromium, from a new report to the closed case: the on-call
 * responder on a 360 × 740 phone in Kazakh, the coordinator on a desktop in Russian, the provider in English, the
 * national coordinator in Kazakh. What other people do meanwhile (the reporter's reply, a colleague's change) goes
 * through the API as their apps would. Every screen is checked with axe-core and photographed; no request leaves
 * 127.0.0.1.
 */
class ConsoleJourneysIT {

    static final String AIGERIM = "aigerim.responder.almaty";
    static final String DANA = "dana.coordinator.almaty";
    static final String MADINA = "madina.responder.shelter-almaty";
    static final String SAULE = "saule.national-coordinator.astana";
    static final Map<String, String> NAMES = Map.of(AIGERIM, "Aigerim Nurlanovna", DANA, "Dana Serikovna",
            MADINA, "Madina Askarovna", SAULE, "Saule Maratovna");
    /** Organisations as the directory names them: the case view shows these, never the ids. */
    static final String SHELTER_ALMATY_KK = "Адам саудасынан зардап шеккендерге арналған ҮЕҰ баспанасы, Алматы";
    static final String SHELTER_ALMATY_RU = "Приют НПО для пострадавших от торговли людьми, Алматы";
    static final String COMMISSION_ABAI_KK = "Адам саудасына қарсы іс-қимыл жөніндегі өңірлік комиссия (Абай облысы)";
    static final String SHELTER_ASTANA_KK = "Адам саудасынан зардап шеккендерге арналған ҮЕҰ баспанасы, Астана";

    static SenimLocal senim;
    static ConsoleBrowser browser;
    static StaffApi api;
    private Page page;

    @BeforeAll
    static void start() {
        // The system clock: the browser ages cases and dates referrals on its own clock, which must agree.
        senim = SenimLocal.start(Options.forTests(), Clock.systemUTC());
        api = new StaffApi(senim.baseUri());
        browser = ConsoleBrowser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            assertThat(browser.requests()).as("the pages asked for something").isNotEmpty()
                    .allMatch(url -> url.startsWith(senim.baseUri().toString()), "only the runner at 127.0.0.1");
            assertThat(browser.refused()).as("requests to anywhere but 127.0.0.1").isEmpty();
            browser.close();
        }
        senim.close();
    }

    @AfterEach
    void closeWindow() {
        if (page != null) {
            page.context().close();
        }
    }

    static Page signIn(Page page, String lang, String person) {
        page.navigate(senim.baseUri() + "/console/");
        page.locator(".person-card", new Page.LocatorOptions().setHasText(NAMES.get(person))).click();
        assertThat(page.locator(".who .person")).hasText(NAMES.get(person));
        return page;
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static String today(int plusDays) {
        return LocalDate.now(CaseReferrals.ReferralLine.CALENDAR).plusDays(plusDays).toString();
    }

    /** The case as the API has it now (as Dana), for its version. */
    static StaffApi.Answer caseNow(String reference) {
        return api.as(DANA, "GET", "/v1/cases/" + reference, null);
    }

    static String refer(String reference, String service, int dueInDays) {
        ObjectNode body = StaffApi.JSON.createObjectNode().put("providerId", "ngo-shelter-almaty").put("service", service)
                .put("consentGiven", true).put("dueDate", today(dueInDays));
        StaffApi.Answer referred = api.as(DANA, "POST", "/v1/cases/" + reference + "/referrals", body.toString());
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        return referred.json().path("referralId").asText();
    }

    static void referral(String person, String referralId, String to, String reason) {
        JsonNode current = api.as(DANA, "GET", "/v1/cases/" + referralId.substring(0, referralId.indexOf('.')), null)
                .json().path("referrals");
        long version = 0;
        for (JsonNode r : current) {
            if (r.path("referralId").asText().equals(referralId)) {
                version = r.path("version").asLong();
            }
        }
        ObjectNode body = StaffApi.JSON.createObjectNode().put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        StaffApi.Answer changed = api.as(person, "POST", "/v1/referrals/" + referralId + "/status", body.toString(),
                "If-Match", "\"" + version + "\"");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    static void acknowledgeAll(String person, String reference) {
        for (JsonNode alert : caseNow(reference).json().path("alerts")) {
            if (alert.path("status").asText().equals("pending")
                    && alert.path("organisationId").asText().equals("kz-75-commission")) {
                StaffApi.Answer ack = api.as(person, "POST", "/v1/alerts/" + alert.path("alertId").asText()
                        + "/acknowledgement", null);
                assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
            }
        }
    }

    static void closeCase(String reference) {
        StaffApi.Answer current = caseNow(reference);
        StaffApi.Answer closed = api.as(DANA, "POST", "/v1/cases/" + reference + "/transitions",
                "{\"to\":\"closed\",\"outcome\":\"assisted\"}", "If-Match", current.etag());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    @Test
    void theOnCallResponderWorksACaseOnAPhoneInKazakh() {
        JsonNode report = api.submit(StaffApi.reportInAlmaty("Паспортымды алып қойды, жалақы төлемейді.", "kk"));
        String reference = report.path("reference").asText();
        page = browser.open(ConsoleBrowser.PHONE_WIDTH, ConsoleBrowser.PHONE_HEIGHT, "kk-KZ");

        page.navigate(senim.baseUri() + "/console/");
        assertThat(page.locator("h1")).hasText("Senim жүйесіне кіру");
        assertThat(page.locator(".local-notice")).containsText("жергілікті іске қосудың кіру беті");
        browser.check(page, "signin-phone-kk");
        signIn(page, "kk", AIGERIM);

        // The queue of her organisation's regions: severity, category, region, age, not acknowledged.
        Locator card = page.locator(".case-card", new Page.LocatorOptions().setHasText(reference));
        assertThat(card).containsText("Расталмаған");
        assertThat(card).containsText("Мәжбүрлі еңбек");
        assertThat(card).containsText("Алматы");
        assertThat(card).containsText("хабарланды");
        browser.check(page, "responder-queue-phone-kk");

        // A new report shows up by itself, without a reload.
        String second = api.submit(StaffApi.reportInAlmaty("Екінші хабарлама.", "kk")).path("reference").asText();
        Locator secondCard = page.locator(".case-card", new Page.LocatorOptions().setHasText(second));
        assertThat(secondCard).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(45_000));
        assertThat(secondCard).containsText("Жаңа");

        // In the case: acknowledge.
        card.locator("a").click();
        assertThat(page.locator(".narrative")).hasText("Паспортымды алып қойды, жалақы төлемейді.");
        button(page, "Растау").click();
        assertThat(page.locator(".facts")).containsText("Расталған");
        Locator alerts = page.locator(".alerts");
        assertThat(alerts).containsText(SHELTER_ALMATY_KK);
        assertThat(alerts).not().containsText("ngo-shelter-almaty");
        browser.check(page, "responder-case-phone-kk");

        // Meanwhile the coordinator assigns the case to her: her "start work" meets a changed case, she reloads.
        StaffApi.Answer current = caseNow(reference);
        assertThat(api.as(DANA, "PUT", "/v1/cases/" + reference + "/assignee", "{\"personId\":\"" + AIGERIM + "\"}",
                "If-Match", current.etag()).status()).isEqualTo(200);
        button(page, "Жұмысты бастау").click();
        Locator conflict = page.locator(".conflict");
        assertThat(conflict).containsText("Бұл істі басқа біреу өзгертті");
        assertThat(conflict).not().containsText("version_conflict");
        browser.check(page, "responder-conflict-phone-kk");
        button(page, "Істі жаңарту").click();
        assertThat(conflict).hasCount(0);
        button(page, "Жұмысты бастау").click();
        assertThat(page.locator(".facts")).containsText("Жұмыста");

        // She asks the reporter a question; the reporter answers.
        page.locator("#message-text").fill("Қазір қауіпсіз жердесіз бе?");
        button(page, "Жіберу").click();
        assertThat(page.locator(".messages")).containsText("Қазір қауіпсіз жердесіз бе?");
        api.reply(reference, report.path("receipt").asText(), "Иә, қазір қауіпсізбін.");

        // The coordinator refers her to the shelter, which provides it; then the referral and the case are closed.
        String referralId = refer(reference, "shelter", 3);
        referral(MADINA, referralId, "accepted", null);
        referral(MADINA, referralId, "done", null);
        referral(DANA, referralId, "closed", null);
        closeCase(reference);

        // The token lived in the page's memory only: after a reload she signs in again.
        page.reload();
        assertThat(page.locator("h1")).hasText("Senim жүйесіне кіру");
        signIn(page, "kk", AIGERIM);
        page.navigate(senim.baseUri() + "/console/#/case/" + reference);
        assertThat(page.locator(".messages")).containsText("Иә, қазір қауіпсізбін.");
        assertThat(page.locator(".messages")).containsText("Хабарлаушыдан");
        assertThat(page.locator(".referrals")).containsText("Баспана");
        assertThat(page.locator(".referrals")).containsText(SHELTER_ALMATY_KK);
        assertThat(page.locator(".referrals")).not().containsText("ngo-shelter-almaty");
        assertThat(page.locator(".referrals")).containsText("Орындалды");
        assertThat(page.locator(".facts")).containsText("Жабық");
        browser.check(page, "responder-case-closed-phone-kk");
    }

    @Test
    void theCoordinatorAssignsRefersAndClosesOnADesktopInRussian() {
        String reference = api.submit(StaffApi.reportInAlmaty("Забрали паспорт, держат на складе.", "ru"))
                .path("reference").asText();
        page = signIn(browser.open(ConsoleBrowser.DESKTOP_WIDTH, ConsoleBrowser.DESKTOP_HEIGHT, "ru-RU"), "ru", DANA);
        assertThat(page.locator(".worklist h2")).hasText("Направления: срок скоро или прошёл");
        page.locator(".case-card", new Page.LocatorOptions().setHasText(reference)).locator("a").click();

        button(page, "Подтвердить").click();
        assertThat(page.locator(".facts")).containsText("Подтверждено");
        assertThat(page.locator(".alerts")).containsText(SHELTER_ALMATY_RU);
        assertThat(page.locator(".alerts")).not().containsText("ngo-shelter-almaty");

        // Assign to a person of her organisation, chosen from the list.
        page.locator("#assign-person").selectOption(AIGERIM);
        button(page, "Назначить").click();
        assertThat(page.locator(".facts")).containsText(NAMES.get(AIGERIM));

        // Refer to a provider offering the service in the case's region, with consent and a due date.
        page.locator("#refer-service").selectOption("shelter");
        page.locator("#refer-provider").selectOption("ngo-shelter-almaty");
        assertThat(button(page, "Направить")).isDisabled();
        page.locator("#refer-consent").check();
        page.locator("#refer-due").fill(today(2));
        button(page, "Направить").click();
        Locator referral = page.locator(".referrals .referral");
        assertThat(referral).containsText(SHELTER_ALMATY_RU);
        assertThat(referral).not().containsText("ngo-shelter-almaty");
        assertThat(referral).containsText("Отправлено");
        browser.check(page, "coordinator-case-desktop-ru");

        // The work list shows it at a glance.
        page.locator("a.back, .back a").first().click();
        Locator due = page.locator(".worklist li", new Page.LocatorOptions().setHasText(reference));
        assertThat(due).containsText("Срок через 2 дн.");
        browser.check(page, "coordinator-queue-desktop-ru");

        // The shelter accepts; closing the case now is refused, in words.
        String referralId = caseNow(reference).json().path("referrals").get(0).path("referralId").asText();
        referral(MADINA, referralId, "accepted", null);
        page.locator(".worklist a", new Page.LocatorOptions().setHasText(reference)).click();
        page.locator("#close-outcome").selectOption("assisted");
        button(page, "Закрыть дело").click();
        assertThat(page.locator(".problem")).containsText("Закройте все направления по делу");

        // Done by the shelter, closed by the coordinator; then the case is closed, reopened and closed again.
        referral(MADINA, referralId, "done", null);
        page.reload();
        signIn(page, "ru", DANA);
        page.navigate(senim.baseUri() + "/console/#/case/" + reference);
        assertThat(referral).containsText("Выполнено");
        button(page, "Закрыть направление").click();
        assertThat(referral).containsText("Закрыто");
        page.locator("#close-outcome").selectOption("assisted");
        button(page, "Закрыть дело").click();
        assertThat(page.locator(".facts")).containsText("Помощь оказана");
        page.locator("#reopen-reason").fill("Сообщившая написала снова.");
        button(page, "Открыть дело снова").click();
        assertThat(page.locator(".facts")).containsText("Сообщившая написала снова.");
        page.locator("#close-outcome").selectOption("no_contact");
        button(page, "Закрыть дело").click();
        assertThat(page.locator(".facts")).containsText("Нет связи");

        // The audit trail: who did what, when.
        button(page, "Показать журнал действий").click();
        Locator audit = page.locator(".audit table");
        assertThat(audit).containsText("Дело назначено");
        assertThat(audit).containsText("Направление создано");
        assertThat(audit).containsText("Дело открыто снова");
        assertThat(audit).containsText("Дело закрыто");
        Locator shelterPeople = audit.locator("tbody td:nth-child(2)",
                new Locator.LocatorOptions().setHasText(SHELTER_ALMATY_RU));
        assertThat(shelterPeople.first()).isVisible(); // the shelter's people accepted and finished the referral
        assertThat(audit.locator("tbody td:nth-child(2)", new Locator.LocatorOptions().setHasText("ngo-shelter-almaty")))
                .hasCount(0);
        browser.check(page, "coordinator-case-closed-desktop-ru");
    }

    @Test
    void theProviderAcceptsFinishesAndRejectsReferralsInEnglish() {
        String reference = api.submit(StaffApi.reportInAlmaty("They keep us in the workshop.", "en"))
                .path("reference").asText();
        acknowledgeAll(DANA, reference);
        String shelter = refer(reference, "shelter", 2);
        String psychological = refer(reference, "psychological", 6);

        page = signIn(browser.open(ConsoleBrowser.DESKTOP_WIDTH, ConsoleBrowser.DESKTOP_HEIGHT, "en-GB"), "en",
                MADINA);
        assertThat(page.locator("h1")).hasText("My referrals");
        Locator items = page.locator(".referrals .referral", new Page.LocatorOptions().setHasText(reference));
        assertThat(items).hasCount(2);
        assertThat(items.nth(0)).containsText("Shelter"); // soonest due first
        assertThat(items.nth(1)).containsText("Psychological support");
        assertThat(items.nth(0)).containsText("NGO shelter for victims of trafficking, Almaty");
        assertThat(items.nth(0)).not().containsText("ngo-shelter-almaty");
        browser.check(page, "provider-referrals-desktop-en");

        Locator first = page.locator(".referral[data-referral='" + shelter + "']");
        first.getByRole(AriaRole.TEXTBOX).fill("A place is ready.");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        assertThat(first).containsText("Accepted");

        // While its referral is open, the provider opens the case behind it.
        first.locator("a").click();
        assertThat(page.locator(".narrative")).hasText("They keep us in the workshop.");
        assertThat(page.locator(".referrals")).containsText("Accepted");
        browser.check(page, "provider-case-desktop-en");
        page.locator("nav a[href='#/referrals']").click();

        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark done")).click();
        assertThat(first).containsText("Done");

        Locator second = page.locator(".referral[data-referral='" + psychological + "']");
        Locator reject = second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject"));
        assertThat(reject).isDisabled(); // not without a reason
        second.getByRole(AriaRole.TEXTBOX).fill("No psychologist until next month.");
        reject.click();
        assertThat(second).containsText("Rejected");
        assertThat(second).containsText("No psychologist until next month.");

        // The coordinator closes both referrals and the case; the provider sees them closed.
        referral(DANA, shelter, "closed", null);
        referral(DANA, psychological, "closed", null);
        closeCase(reference);
        page.locator("#referral-status").selectOption("done");
        page.locator("#referral-status").selectOption("");
        assertThat(first).containsText("Closed");
        assertThat(second).containsText("Closed");
        assertThat(first.getByRole(AriaRole.BUTTON)).hasCount(0);
        browser.check(page, "provider-referrals-closed-desktop-en");
    }

    @Test
    void theNationalCoordinatorSeesWhereAlertsWaitAndClosesTheCaseInKazakh() {
        ObjectNode abai = StaffApi.reportInAlmaty("Семейде балаларды қайыр сұратып жүр.", "kk").put("region", "KZ-10");
        String reference = api.submit(abai).path("reference").asText();

        page = signIn(browser.open(ConsoleBrowser.DESKTOP_WIDTH, ConsoleBrowser.DESKTOP_HEIGHT, "kk-KZ"), "kk", SAULE);
        assertThat(page.locator("h1")).hasText("Барлық өңірлер");
        Locator tile = page.locator(".tilemap g[data-region='KZ-10']");
        assertThat(tile).hasClass(java.util.regex.Pattern.compile("tile-failing"));
        assertThat(page.locator(".tilemap g[data-region]")).hasCount(20);
        assertThat(tile.locator(".tile-name")).hasText("Абай"); // short names, but never two tiles alike:
        assertThat(page.locator(".tilemap g[data-region='KZ-75'] .tile-name")).hasText("Алматы");
        assertThat(page.locator(".tilemap g[data-region='KZ-19'] .tile-name")).hasText("Алматы облысы");
        Locator row = page.locator(".overview-table tr[data-region='KZ-10']");
        assertThat(row).containsText("Абай облысы");
        assertThat(row.locator("td").nth(1)).not().hasText("0");
        browser.check(page, "national-overview-desktop-kk");

        // From the map to the region's queue and the case: acknowledge every alert, start work, close.
        page.locator(".tilemap a[href='#/queue/KZ-10']").click();
        page.locator(".case-card", new Page.LocatorOptions().setHasText(reference)).locator("a").click();
        assertThat(page.locator(".narrative")).hasText("Семейде балаларды қайыр сұратып жүр.");
        Locator acknowledge = page.locator(".action-panel.urgent button");
        assertThat(acknowledge).hasCount(2); // the commission's alert and the shelter's, by name
        assertThat(acknowledge.filter(new Locator.FilterOptions().setHasText(COMMISSION_ABAI_KK))).hasCount(1);
        assertThat(acknowledge.filter(new Locator.FilterOptions().setHasText(SHELTER_ASTANA_KK))).hasCount(1);
        assertThat(page.locator(".alerts")).containsText(COMMISSION_ABAI_KK);
        assertThat(page.locator(".case")).not().containsText("kz-10-commission");
        browser.check(page, "national-case-desktop-kk");
        while (acknowledge.count() > 0) {
            int before = acknowledge.count();
            acknowledge.first().click();
            assertThat(acknowledge).hasCount(before - 1);
        }
        button(page, "Жұмысты бастау").click();
        assertThat(page.locator(".facts")).containsText("Жұмыста");
        // acknowledged by the national coordinator, the case is taken by her secretariat
        assertThat(page.locator(".facts"))
                .containsText("Адам саудасына қарсы іс-қимыл жөніндегі ведомствоаралық комиссияның хатшылығы");
        page.locator("#close-outcome").selectOption("assisted");
        button(page, "Істі жабу").click();
        assertThat(page.locator(".facts")).containsText("Көмек көрсетілді");
        browser.check(page, "national-case-closed-desktop-kk");

        page.locator("nav a[href='#/overview']").click();
        assertThat(tile).not().hasClass(java.util.regex.Pattern.compile("tile-failing"));
        assertThat(row.locator("td").nth(1)).hasText("0");
    }
}
