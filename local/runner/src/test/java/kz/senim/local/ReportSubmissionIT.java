package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kz.senim.api.OpenApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A reporter's side of Senim, end to end over HTTP: submit, get safety advice, check the status with the receipt. */
class ReportSubmissionIT {

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
    void aVictimWritingInRussianGetsAReferenceAReceiptAndSafetyAdviceInRussian() {
        LocalApi.Answer answer = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString());

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        String reference = body.path("reference").asText();
        assertThat(reference).matches("SN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(body.path("receipt").asText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
        assertThat(body.path("status").asText()).isEqualTo("received");
        assertThat(body.path("statusText").asText()).containsPattern("\\p{IsCyrillic}");
        assertThat(answer.header("Location")).isEqualTo("/v1/reports/" + reference);
        assertThat(answer.header("Idempotent-Replayed")).isNull();
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");

        JsonNode safety = body.path("safety");
        assertThat(safety.path("language").asText()).isEqualTo("ru");
        assertThat(safety.path("message").asText()).contains("112").containsPattern("\\p{IsCyrillic}");
        assertThat(contact(safety, "emergency").path("number").asText()).isEqualTo("112");
        assertThat(contact(safety, "police").path("number").asText()).isEqualTo("102");
        JsonNode regional = contact(safety, "regional");
        assertThat(regional.path("number").asText()).isNotBlank();
        assertThat(regional.path("label").asText()).contains("Алматы");
        safety.path("contacts").forEach(c -> assertThat(c.path("label").asText()).containsPattern("\\p{IsCyrillic}"));
    }

    @Test
    void theHolderOfTheReceiptSeesTheStatusInTheReportsLanguage() {
        JsonNode submitted = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString()).json();

        LocalApi.Answer status = api.status(submitted.path("reference").asText(), submitted.path("receipt").asText(),
                Map.of());

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("reference").asText()).isEqualTo(submitted.path("reference").asText());
        assertThat(status.json().path("status").asText()).isEqualTo("received");
        assertThat(status.json().path("statusText").asText()).isEqualTo(submitted.path("statusText").asText());
    }

    @Test
    void aWrongReceiptAndAnUnknownReferenceGetTheSameNotFound() {
        JsonNode submitted = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString()).json();
        String reference = submitted.path("reference").asText();

        LocalApi.Answer wrongReceipt = api.status(reference, "ABCD-EFGH-JKMN-PQRS-TVWX", Map.of());
        LocalApi.Answer unknownReference = api.status("SN-0000-0000-0000", submitted.path("receipt").asText(),
                Map.of());

        assertThat(wrongReceipt.status()).isEqualTo(404);
        assertThat(unknownReference.status()).isEqualTo(404);
        assertThat(wrongReceipt.body()).isEqualTo(unknownReference.body());
        assertThat(wrongReceipt.header("Content-Type")).isEqualTo(unknownReference.header("Content-Type"));
        assertThat(wrongReceipt.body()).doesNotContain(reference);
    }

    @Test
    void theReceiptIsNeverTakenFromTheUrl() {
        JsonNode submitted = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString()).json();

        LocalApi.Answer inTheUrl = api.get("/v1/reports/" + submitted.path("reference").asText() + "?receipt="
                + submitted.path("receipt").asText(), Map.of());

        assertThat(inTheUrl.status()).isEqualTo(400);
        assertThat(inTheUrl.json().path("field").asText()).isEqualTo("X-Receipt");
        assertThat(queryParametersOfTheContract()).isNotEmpty().doesNotContain("receipt");
    }

    @Test
    void theRegionsComeInTheLanguageAskedFor() {
        LocalApi.Answer regions = api.get("/v1/regions?lang=kk", Map.of());

        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.json().path("language").asText()).isEqualTo("kk");
        assertThat(regions.json().path("regions").size()).isGreaterThan(17);
    }

    @Test
    void aPathTheTemplateDoesNotDeclareIsNotFoundAsApiGatewaySaysIt() {
        LocalApi.Answer unknownPath = api.sendUnchecked("GET", "/v1/nowhere", Map.of(), null);

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json()).isEqualTo(LocalApi.JSON.createObjectNode().put("message", "Not Found"));
    }

    @Test
    void theGatewayRefusesABodyOverOneMebibyteWithAProblemInTheCallersLanguage() {
        byte[] body = new byte[HttpGateway.MAX_BODY_BYTES + 1];
        Arrays.fill(body, (byte) 'a');
        int itemsBefore = Tables.records(senim).size();

        LocalApi.Answer answer = api.send("POST", "/v1/reports", Map.of("Content-Type", "application/json",
                "Idempotency-Key", ReportBodies.newKey(), "Accept-Language", "uz"), body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Content-Language")).isEqualTo("uz");
        assertThat(answer.json().path("code").asText()).isEqualTo("body_too_large");
        assertThat(answer.json().path("field").asText()).isEqualTo("body");
        assertThat(answer.json().path("detail").asText()).contains("bayt");
        assertThat(Tables.records(senim)).hasSize(itemsBefore);
    }

    @Test
    void aBodyOverTheContractsLimitIsTheFunctionsBusinessNotTheGateways() {
        String narrative = "а".repeat(20_000);
        String json = ReportBodies.victimInAlmatyInDanger().put("narrative", narrative).toString();

        LocalApi.Answer answer = api.submit(ReportBodies.newKey(), json);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(HttpGateway.MAX_BODY_BYTES);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().path("code").asText()).isEqualTo("body_too_large");
        assertThat(answer.json().path("detail").asText()).contains("16");
    }

    private static JsonNode contact(JsonNode safety, String kind) {
        for (JsonNode contact : safety.path("contacts")) {
            if (kind.equals(contact.path("kind").asText())) {
                return contact;
            }
        }
        throw new AssertionError("no " + kind + " contact in " + safety);
    }

    /** Names of every query parameter the contract defines, on any operation. */
    private static List<String> queryParametersOfTheContract() {
        try {
            JsonNode spec = new YAMLMapper().readTree(OpenApiContract.load().specification());
            List<String> names = new ArrayList<>();
            spec.path("components").path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            });
            spec.path("paths").forEach(path -> path.forEach(operation -> operation.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            })));
            return names;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
