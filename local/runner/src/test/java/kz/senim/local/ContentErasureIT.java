package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kz.senim.cases.CaseReferrals;
import kz.senim.cases.CaseText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 8 §2 end to end, over HTTP, on a runner that keeps its data in a directory: the reporter withdraws a report
 * ({@code DELETE /v1/reports/{reference}}), and the retention run ({@code POST /local/schedules/...}, on a clock the
 * test moves) erases the content of a case closed longer than the retention period. Before: what people typed is
 * readable on the case view, and sealed in the table. After: no table item and no file of the data directory holds
 * it, nor any key that could open what might be left of it.
 */
class ContentErasureIT {

    private static final String DANA = "dana.coordinator.almaty";
    private static final String AIGERIM = "aigerim.responder.almaty";
    private static final String QUESTION = "Вы сейчас в безопасности? На какой улице общежитие?";
    private static final String REPLY = "Пока в безопасности. Общежитие на улице Бекмаханова, второй подъезд.";

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.startingNow();
    private SenimLocal senim;
    private LocalApi api;

    @BeforeEach
    void startSenim() {
        senim = SenimLocal.start(Options.forTests().withDataDir(dataDir), clock);
        api = new LocalApi(senim);
    }

    @AfterEach
    void stopSenim() {
        senim.close();
    }

    @Test
    void aWithdrawnReportLeavesNothingOfWhatWasWrittenAndItsProviderIsTold() throws IOException {
        ObjectNode report = ReportBodies.victimInAlmaty();
        Reported reported = reportAndConverse(report);
        String dana = api.tokenFor(DANA);
        LocalDate due = LocalDate.ofInstant(clock.instant(), CaseReferrals.ReferralLine.CALENDAR).plusDays(5);
        assertThat(api.sendJson("POST", "/v1/cases/" + reported.reference() + "/referrals", LocalApi.bearer(dana),
                LocalApi.JSON.createObjectNode().put("providerId", "ngo-shelter-almaty").put("service", "shelter")
                        .put("consentGiven", true).put("dueDate", due.toString()).toString()).status())
                .isEqualTo(201);
        List<String> typed = List.of(report.path("narrative").asText(), report.path("locality").asText(), QUESTION,
                REPLY);
        JsonNode before = api.get("/v1/cases/" + reported.reference(), LocalApi.bearer(dana)).json();
        assertThat(before.path("narrative").asText()).as("the guard: readable on the case view")
                .isEqualTo(report.path("narrative").asText());
        assertThat(before.path("messages").findValuesAsText("text")).containsExactly(QUESTION, REPLY);
        assertThat(sealedIn(reported.reference())).as("and sealed in the table").hasSizeGreaterThanOrEqualTo(4);
        List<String> wrappedKeys = wrappedKeysOf(reported.reference());
        assertThat(wrappedKeys).isNotEmpty();
        assertThat(databaseFile()).as("the guard: the keys are in the database file").contains(wrappedKeys.getFirst());

        clock.advance(Duration.ofMinutes(5));
        LocalApi.Answer withdrawn = api.send("DELETE", "/v1/reports/" + reported.reference(),
                Map.of("X-Receipt", reported.receipt()), null);

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("withdrawn_by_reporter");
        assertThat(withdrawn.json().path("statusText").asText()).as("in the report's language")
                .contains("отозвали");
        assertThat(sealedIn(reported.reference())).isEmpty();
        assertThat(keysOf(reported.reference())).isEmpty();
        Map<String, String> everything = Tables.dumpEverything(senim);
        typed.forEach(text -> everything.forEach((table, items) -> assertThat(items).as(table).doesNotContain(text)));

        // Paging stops, the shelter's referral is revoked and the shelter told; the reporter is gone for good.
        List<JsonNode> alerts = api.awaitAlerts(reported.reference(), 3);
        assertThat(alerts).filteredOn(a -> a.has("notice")).singleElement().satisfies(notice -> {
            assertThat(notice.path("organisationId").asText()).isEqualTo("ngo-shelter-almaty");
            assertThat(notice.path("notice").asText()).isEqualTo("referrals_revoked");
            assertThat(notice.has("acknowledgeUrl")).isFalse();
        });
        assertThat(api.send("DELETE", "/v1/reports/" + reported.reference(), Map.of("X-Receipt", reported.receipt()),
                null).status()).as("a second withdrawal: like an unknown reference").isEqualTo(404);
        assertThat(api.status(reported.reference(), reported.receipt(), Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/v1/reports/" + reported.reference() + "/messages",
                Map.of("X-Receipt", reported.receipt())).status()).isEqualTo(404);

        JsonNode after = api.get("/v1/cases/" + reported.reference(), LocalApi.bearer(dana)).json();
        assertThat(after.path("status").asText()).isEqualTo("withdrawn_by_reporter");
        assertThat(after.path("erased").asBoolean()).isTrue();
        assertThat(after.has("narrative")).isFalse();
        assertThat(after.path("messages")).hasSize(2).allSatisfy(m -> {
            assertThat(m.has("text")).isFalse();
            assertThat(m.path("erased").asBoolean()).isTrue();
        });
        assertThat(after.path("referrals").findValuesAsText("status")).containsExactly("revoked");
        assertThat(after.path("alerts").findValuesAsText("status"))
                .as("the shelter's alert is acknowledged on the reporter's behalf")
                .containsExactlyInAnyOrder("acknowledged", "acknowledged", "notice");
        JsonNode trail = api.get("/v1/cases/" + reported.reference() + "/audit", LocalApi.bearer(dana)).json();
        assertThat(trail.path("entries")).anySatisfy(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("report_withdrawn");
            assertThat(entry.path("actor").path("type").asText()).isEqualTo("reporter");
        });

        senim.close();
        assertNoTextInTheDataFiles(reported.reference(), typed);
        String compacted = databaseFile();
        assertThat(wrappedKeys).as("no deleted key is left in the database file's free pages")
                .allSatisfy(key -> assertThat(compacted).doesNotContain(key));
    }

    @Test
    void theContentOfACaseClosedLongerThanTheRetentionPeriodIsErasedByTheRetentionRun() throws IOException {
        ObjectNode report = ReportBodies.victimInAlmatyInDanger();
        Reported reported = reportAndConverse(report);
        String dana = api.tokenFor(DANA);
        LocalApi.Answer current = api.get("/v1/cases/" + reported.reference(), LocalApi.bearer(dana));
        assertThat(api.sendJson("POST", "/v1/cases/" + reported.reference() + "/transitions",
                LocalApi.bearer(dana, "If-Match", current.header("ETag")),
                "{\"to\":\"closed\",\"outcome\":\"assisted\"}").status()).isEqualTo(200);

        clock.advance(Duration.ofDays(179));
        assertThat(runRetention().path("erased").asInt()).isZero();
        assertThat(sealedIn(reported.reference())).as("the guard: kept until the period ends").isNotEmpty();
        clock.advance(Duration.ofDays(2));
        JsonNode run = runRetention();

        assertThat(run.path("erased").asInt()).isEqualTo(1);
        assertThat(sealedIn(reported.reference())).isEmpty();
        assertThat(keysOf(reported.reference())).isEmpty();
        JsonNode after = api.get("/v1/cases/" + reported.reference(), LocalApi.bearer(api.tokenFor(DANA))).json();
        assertThat(after.path("status").asText()).isEqualTo("closed");
        assertThat(after.path("outcome").asText()).isEqualTo("assisted");
        assertThat(after.path("erased").asBoolean()).isTrue();
        assertThat(api.status(reported.reference(), reported.receipt(), Map.of()).status())
                .as("the receipt went with the content").isEqualTo(404);

        senim.close();
        assertNoTextInTheDataFiles(reported.reference(), List.of(report.path("narrative").asText(),
                report.path("locality").asText(), QUESTION, REPLY));
    }

    private record Reported(String reference, String receipt) {
    }

    /** A report, acknowledged by the commission, a question and the reporter's answer. */
    private Reported reportAndConverse(ObjectNode report) {
        JsonNode submitted = api.submit(ReportBodies.newKey(), report.toString()).json();
        Reported reported = new Reported(submitted.path("reference").asText(), submitted.path("receipt").asText());
        String aigerim = api.tokenFor(AIGERIM);
        assertThat(api.send("POST", "/v1/alerts/" + reported.reference() + ".kz-75-commission/acknowledgement",
                LocalApi.bearer(aigerim), null).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.sendJson("POST", "/v1/cases/" + reported.reference() + "/messages", LocalApi.bearer(aigerim),
                LocalApi.JSON.createObjectNode().put("kind", "question").put("text", QUESTION).toString()).status())
                .isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.sendJson("POST", "/v1/reports/" + reported.reference() + "/messages",
                Map.of("X-Receipt", reported.receipt(), "Idempotency-Key", UUID.randomUUID().toString()),
                LocalApi.JSON.createObjectNode().put("text", REPLY).toString()).status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        return reported;
    }

    private JsonNode runRetention() {
        LocalApi.Answer run = api.sendUnchecked("POST", LocalEndpoints.SCHEDULES + "EraseDueContentFunction",
                Map.of(), null);
        assertThat(run.status()).isEqualTo(200);
        return run.json().has("result") ? run.json().path("result") : run.json();
    }

    /** The sealed texts still stored about the case, straight from DynamoDB Local. */
    private List<String> sealedIn(String reference) {
        List<String> sealed = new ArrayList<>();
        Tables.caseItems(senim, reference).forEach(item -> item.values().forEach(value -> {
            if (value.s() != null && CaseText.Sealed.isEnvelope(value.s())) {
                sealed.add(value.s());
            }
        }));
        return sealed;
    }

    private List<Map<String, AttributeValue>> keysOf(String reference) {
        return Tables.scan(senim, senim.tables().get("CaseKeysTable")).stream()
                .filter(item -> item.get("pk").s().equals("CASE#" + reference)).toList();
    }

    /** What {@code grep} would find in the data directory, once the runner has stopped. */
    private void assertNoTextInTheDataFiles(String reference, List<String> typed) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.list(dataDir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        assertThat(String.join("\n", files.values())).as("the guard: the case is in the data files")
                .contains(reference);
        files.forEach((file, text) -> typed.forEach(t -> assertThat(text).as(file.toString()).doesNotContain(t)));
    }

    /** The case's wrapped data keys as DynamoDB Local keeps them in its file (base64, in the item's JSON). */
    private List<String> wrappedKeysOf(String reference) {
        return keysOf(reference).stream()
                .map(key -> Base64.getEncoder().encodeToString(key.get("wrappedKey").b().asByteArray())).toList();
    }

    private String databaseFile() throws IOException {
        return new String(Files.readAllBytes(dataDir.resolve(LocalDatabase.FILE)), StandardCharsets.ISO_8859_1);
    }
}
