package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From a report to the on-call inbox: the report and its alert outbox are written in one transaction, the cases
 * table's stream wakes the dispatcher, which publishes one alert per organisation triage picked.
 */
class AlertPathIT {

    private static SenimLocal senim;
    private static LocalApi api;

    @BeforeAll
    static void startSenim() {
        senim = SenimLocal.start(Options.forTests());
        api = new LocalApi(senim);
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void aForeignVictimInDangerInAlmatyAlertsTheCommissionThePoliceLiaisonAndTheNgosAtCriticalSeverity() {
        ObjectNode report = ReportBodies.victimInAlmatyInDanger();
        String reference = api.submit(ReportBodies.newKey(), report.toString()).json().path("reference").asText();

        List<JsonNode> alerts = api.awaitAlerts(reference, 4);

        assertThat(alerts).extracting(a -> a.path("organisationId").asText()).containsExactlyInAnyOrder(
                "kz-75-commission", "police-att-liaison", "ngo-foreign-nationals", "ngo-shelter-almaty");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.path("severity").asText()).isEqualTo("critical");
            assertThat(alert.path("region").asText()).isEqualTo("KZ-75");
            assertThat(alert.path("category").asText()).isEqualTo("forced_labour");
            assertThat(alert.path("schemaVersion").asText()).isEqualTo("1");
            assertThat(alert.path("alertId").asText()).startsWith(reference)
                    .endsWith(alert.path("organisationId").asText());
            assertThat(alert.toString())
                    .doesNotContain(report.path("narrative").asText())
                    .doesNotContain(report.path("locality").asText())
                    .doesNotContain("паспорт");
        });
    }

    @Test
    void aReportInDangerAlertsThePoliceLiaisonEvenWithoutConsent() {
        ObjectNode inDanger = ReportBodies.witnessInAstana().put("immediateDanger", true).put("policeConsent", false);
        String reference = api.submit(ReportBodies.newKey(), inDanger.toString()).json().path("reference").asText();

        assertThat(api.awaitAlerts(reference, 2)).extracting(a -> a.path("organisationId").asText())
                .containsExactlyInAnyOrder("kz-71-commission", "police-att-liaison");
    }

    @Test
    void withoutDangerOrConsentThePoliceHearNothing() {
        String reference = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString()).json()
                .path("reference").asText();

        List<JsonNode> alerts = api.awaitAlerts(reference, 1);

        assertThat(alerts).extracting(a -> a.path("organisationId").asText()).containsExactly("kz-71-commission");
        assertThat(alerts.getFirst().path("severity").asText()).isEqualTo("medium");
    }

    @Test
    void everyAlertOfTheOutboxIsMarkedPublished() {
        String reference = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString()).json()
                .path("reference").asText();
        api.awaitAlerts(reference, 4);

        var outbox = await("the outbox of " + reference + " marked published").atMost(LocalApi.PATIENCE)
                .until(() -> Tables.ofKind(Tables.caseItems(senim, reference), "ALERT"),
                        items -> items.size() == 4 && items.stream().allMatch(i -> i.containsKey("publishedAt")));

        assertThat(outbox).hasSize(4);
    }

    @Test
    void theInboxCanBeReadForOneOrganisation() {
        String reference = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString()).json()
                .path("reference").asText();
        api.awaitAlerts(reference, 4);

        LocalApi.Answer police = api.get("/local/alerts?organisationId=police-att-liaison", Map.of());

        assertThat(police.status()).isEqualTo(200);
        assertThat(police.header("Cache-Control")).isEqualTo("no-store");
        assertThat(police.json().path("alerts")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.path("organisationId").asText()).isEqualTo("police-att-liaison"));
    }

    @Test
    void theOnCallResponderAcknowledgesFromTheLinkInTheAlert() {
        String reference = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString()).json()
                .path("reference").asText();
        String link = api.awaitAlerts(reference, 1).getFirst().path("acknowledgeUrl").asText();
        assertThat(link).startsWith("http://localhost:" + senim.port() + "/v1/ack/");
        String path = java.net.URI.create(link).getRawPath();

        LocalApi.Answer page = api.get(path, Map.of("Accept", "text/html"));
        LocalApi.Answer acknowledged = api.send("POST", path, Map.of("Accept", "application/json"), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).as("in the Astana commission's language, Kazakh, linking to the case in the console")
                .contains("<html lang=\"kk\">", "Хабарламаны растау", reference,
                        "href=\"http://localhost:" + senim.port() + "/console/#/case/" + reference + "\"");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body()).contains(reference);
    }

    @Test
    void theInboxShowsEachAlertAsPublishedWithItsDefaultSmsAndEmailParts() {
        String reference = api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString()).json()
                .path("reference").asText();

        JsonNode alert = api.awaitAlerts(reference, 1).getFirst();

        String link = alert.path("acknowledgeUrl").asText();
        assertThat(link).matches("http://localhost:" + senim.port() + "/v1/ack/[0-9A-HJKMNP-TV-Z]{16}");
        JsonNode published = alert.path("published");
        assertThat(published.path("channel").asText()).isEqualTo("inbox");
        assertThat(published.path("topic").asText()).isEqualTo("senim-alerts-kz-71-commission");
        assertThat(published.path("messageStructure").asText()).isEqualTo("json");
        JsonNode v1 = LocalApi.parse(published.path("message").path("default").asText());
        assertThat(v1.path("reference").asText()).isEqualTo(reference);
        assertThat(v1.path("acknowledgeUrl").asText()).isEqualTo(link);
        assertThat(published.path("message").path("sms").asText())
                .isEqualTo("Senim, шұғылдығы ОРТАША: Қайыршылыққа мәжбүрлеу, Астана, " + reference + ". Растау: " + link);
        assertThat(published.path("message").path("email").asText()).contains("Санаты: Қайыршылыққа мәжбүрлеу",
                "Өңір: Астана", reference, link, "http://localhost:" + senim.port() + "/console/#/case/" + reference);
        assertThat(published.path("subject").asText())
                .isEqualTo("Senim " + reference + ": шұғылдығы орташа, Қайыршылыққа мәжбүрлеу, Астана");
    }

    @Test
    void theEscalationScheduleCanBeRunNow() {
        LocalApi.Answer run = api.sendUnchecked("POST", LocalEndpoints.SCHEDULES + "EscalateAlertsFunction", Map.of(),
                null);

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("function").asText()).isEqualTo("EscalateAlertsFunction");
        assertThat(run.json().path("result").has("escalated")).isTrue();
    }
}
