package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the app must not send is refused with a clear 400 in the reporter's language, and nothing is stored. */
class BadInputIT {

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
    void aBodyThatIsNotUtf8IsRefusedNamingTheBody() {
        byte[] json = ReportBodies.victimInAlmatyInDanger().toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[json.length + 2];
        System.arraycopy(json, 0, broken, 0, json.length - 1);
        broken[json.length - 1] = (byte) 0xC3; // a UTF-8 lead byte with no continuation
        broken[json.length] = (byte) 0x28;
        broken[json.length + 1] = '}';
        int itemsBefore = Tables.cases(senim).size();

        LocalApi.Answer answer = api.send("POST", "/v1/reports", Map.of("Content-Type", "application/json",
                "Idempotency-Key", ReportBodies.newKey(), "Accept-Language", "ru"), broken);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("invalid_encoding");
        assertThat(answer.json().path("field").asText()).isEqualTo("body");
        assertThat(answer.json().path("detail").asText()).containsPattern("\\p{IsCyrillic}");
        assertThat(Tables.cases(senim)).hasSize(itemsBefore);
    }

    @Test
    void anUnknownFieldIsRefusedNamingItInTheReportsLanguage() {
        String json = ReportBodies.witnessInAstana().put("phone", "+77010000000").toString();
        int itemsBefore = Tables.cases(senim).size();

        LocalApi.Answer answer = api.submit(ReportBodies.newKey(), json);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("unknown_field");
        assertThat(answer.json().path("field").asText()).isEqualTo("phone");
        assertThat(answer.header("Content-Language")).isEqualTo("kk");
        assertThat(answer.json().path("detail").asText()).contains("phone").containsPattern("[әғқңөұүһі]");
        assertThat(Tables.cases(senim)).hasSize(itemsBefore);
        assertThat(Tables.cases(senim).toString()).doesNotContain("+77010000000");
    }

    @Test
    void aReportWithoutAnIdempotencyKeyIsRefusedNamingTheHeader() {
        int itemsBefore = Tables.cases(senim).size();

        LocalApi.Answer answer = api.submit(null, ReportBodies.victimInAlmatyInDanger().toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(Tables.cases(senim)).hasSize(itemsBefore);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedNamingTheBody() {
        int itemsBefore = Tables.cases(senim).size();

        LocalApi.Answer answer = api.submit(ReportBodies.newKey(), "{\"reporterRole\":");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("invalid_json");
        assertThat(answer.json().path("field").asText()).isEqualTo("body");
        assertThat(Tables.cases(senim)).hasSize(itemsBefore);
    }
}
