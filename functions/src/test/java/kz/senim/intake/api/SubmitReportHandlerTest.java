package kz.senim.intake.api;

import static kz.senim.testing.HttpApiEvents.binaryBody;
import static kz.senim.testing.HttpApiEvents.body;
import static kz.senim.testing.HttpApiEvents.conforming;
import static kz.senim.testing.HttpApiEvents.header;
import static kz.senim.testing.HttpApiEvents.headers;
import static kz.senim.testing.HttpApiEvents.object;
import static kz.senim.testing.HttpApiEvents.text;
import static kz.senim.testing.HttpApiEvents.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseText;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.directory.Organisation;
import kz.senim.i18n.Language;
import kz.senim.intake.IdempotencyRecord;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.Report;
import kz.senim.intake.Reports;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.SubmitReport;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.HttpApiEvents;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestReceipts;
import kz.senim.triage.Triage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmitReportHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-submit-report.json";
    private static final String FIXTURE_KEY = "3f1c9a2e-7b4d-4e8a-9c61-2d5f0e8b7a13";
    private static final List<String> REQUIRED = List.of("reporterRole", "category", "region", "immediateDanger",
            "policeConsent", "childInvolved", "foreignNational", "narrative", "language");
    /** The status text, then the names of the emergency number, the police, the hotline, Almaty's commission. */
    private static final Map<Language, List<String>> RECEIVED_AND_CONTACTS = Map.of(
            Language.KK, List.of("Хабарламаңыз қабылданды. Жауапты маман оны жақын арада қарайды.",
                    "Бірыңғай құтқару қызметі (тегін, тәулік бойы)", "Полиция",
                    "Адам саудасына қарсы ұлттық сенім телефоны (тегін, анонимді)",
                    "Адам саудасына қарсы іс-қимыл жөніндегі өңірлік комиссия (Алматы)"),
            Language.EN, List.of("Your report has been received. A responder will review it soon.",
                    "Unified emergency number (free, 24/7)", "Police",
                    "National anti-trafficking hotline (free, anonymous)",
                    "Regional commission on combating trafficking in human beings (Almaty)"),
            Language.UZ, List.of("Xabaringiz qabul qilindi. Mutaxassis uni tez orada ko‘rib chiqadi.",
                    "Yagona favqulodda xizmat (bepul, kechayu kunduz)", "Politsiya",
                    "Odam savdosiga qarshi milliy ishonch telefoni (bepul, anonim)",
                    "Odam savdosiga qarshi kurashish bo‘yicha hududiy komissiya (Olmaota)"));
    private static final Map<Language, String> BAD_REQUEST = Map.of(Language.KK, "Жарамсыз сұраныс",
            Language.RU, "Некорректный запрос", Language.EN, "Invalid request", Language.UZ, "Noto‘g‘ri so‘rov");
    private static final Map<Language, String> TOO_LARGE = Map.of(Language.KK, "Сұраныс тым үлкен",
            Language.RU, "Слишком большой запрос", Language.EN, "Request too large", Language.UZ, "So‘rov juda katta");
    private static final Map<Language, String> UNSUPPORTED_TYPE = Map.of(Language.KK, "Мазмұн түріне қолдау жоқ",
            Language.RU, "Неподдерживаемый тип содержимого", Language.EN, "Unsupported content type",
            Language.UZ, "Kontent turi qo‘llab-quvvatlanmaydi");

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryReports reports = new InMemoryReports(clock);
    private final SubmitReportHandler handler = handlerStoringIn(reports);

    private SubmitReportHandler handlerStoringIn(Reports reports) {
        return new SubmitReportHandler(new SubmitReport(reports, new Triage(FixedDirectory.seeded()),
                new SafetyAdvice(RegionCatalogue.load(), FixedDirectory.seeded()), TestReceipts.hasher(),
                random, clock), RegionCatalogue.load());
    }

    private APIGatewayV2HTTPResponse submit(APIGatewayV2HTTPEvent event) {
        return conforming(event, handler.handleRequest(event, null));
    }

    private static APIGatewayV2HTTPEvent fixture() {
        return HttpApiEvents.load(FIXTURE);
    }

    /** The fixture with its report written in {@code language}, asked for in the same language. */
    private static APIGatewayV2HTTPEvent reportIn(Language language, Consumer<ObjectNode> change) {
        APIGatewayV2HTTPEvent event = fixture();
        ObjectNode report = object(event.getBody()).put("language", language.code());
        change.accept(report);
        header(event, "Accept-Language", language.code());
        return body(event, text(report));
    }

    // --- accepted ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @Event(value = FIXTURE, type = APIGatewayV2HTTPEvent.class)
    void a_report_is_stored_and_answered_with_its_reference_and_receipt(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode answer = HttpApiEvents.body(response);
        String reference = answer.path("reference").asText();
        assertThat(reference).matches("SN(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(answer.path("receipt").asText()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
        assertThat(answer.path("status").asText()).isEqualTo("received");
        assertThat(answer.path("statusText").asText())
                .isEqualTo("Ваше сообщение получено. Специалист скоро его рассмотрит.");
        assertThat(headers(response))
                .containsEntry("Location", "/v1/reports/" + reference)
                .containsEntry("Cache-Control", "no-store")
                .doesNotContainKey("Idempotent-Replayed");
        assertThat(reports.reports()).extracting(Report::reference).containsExactly(new Reference(reference));
        assertThat(reports.alerts()).extracting(Alert::organisationId).contains("kz-75-commission");
    }

    @ParameterizedTest
    @Event(value = FIXTURE, type = APIGatewayV2HTTPEvent.class)
    void the_answer_tells_whom_to_call_in_the_reports_language(APIGatewayV2HTTPEvent event) {
        JsonNode safety = HttpApiEvents.body(submit(event)).path("safety");

        Organisation almatyCommission = FixedDirectory.seeded().organisations().stream()
                .filter(o -> o.id().equals("kz-75-commission")).findFirst().orElseThrow();
        assertThat(safety.path("language").asText()).isEqualTo("ru");
        assertThat(safety.path("message").asText()).isEqualTo("Если вам или кому-то другому угрожает опасность "
                + "прямо сейчас, звоните 112. Называть своё имя не нужно. Храните квитанцию в тайне: только по ней "
                + "можно узнать, что с вашим сообщением.");
        assertThat(contacts(safety)).containsExactly(
                List.of("emergency", "112", "Единая служба спасения (бесплатно, круглосуточно)"),
                List.of("police", "102", "Полиция"),
                List.of("hotline", RegionCatalogue.load().emergencyNumbers().antiTraffickingHotline(),
                        "Национальная горячая линия по противодействию торговле людьми (бесплатно, анонимно)"),
                List.of("regional", almatyCommission.publicPhone().orElseThrow(),
                        "Региональная комиссия по противодействию торговле людьми (Алматы)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "en", "uz"})
    void safety_advice_follows_the_language_the_report_is_written_in(String code) {
        Language language = Language.fromCode(code).orElseThrow();

        JsonNode answer = HttpApiEvents.body(submit(reportIn(language, report -> { })));

        assertThat(answer.path("safety").path("language").asText()).isEqualTo(code);
        List<String> texts = RECEIVED_AND_CONTACTS.get(language);
        assertThat(answer.path("statusText").asText()).isEqualTo(texts.getFirst());
        assertThat(contacts(answer.path("safety"))).extracting(contact -> contact.get(2))
                .containsExactlyElementsOf(texts.subList(1, texts.size()));
    }

    private static List<List<String>> contacts(JsonNode safety) {
        List<List<String>> contacts = new ArrayList<>();
        safety.path("contacts").forEach(c -> contacts.add(
                List.of(c.path("kind").asText(), c.path("number").asText(), c.path("label").asText())));
        return contacts;
    }

    // --- retries ----------------------------------------------------------------------------------------------

    @Test
    void a_retry_with_the_same_key_replays_the_first_answer_and_stores_nothing_new() {
        APIGatewayV2HTTPResponse first = submit(fixture());

        APIGatewayV2HTTPResponse retry = submit(fixture());

        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(headers(retry))
                .containsEntry("Idempotent-Replayed", "true")
                .containsEntry("Location", headers(first).get("Location"));
        assertThat(reports.reports()).hasSize(1);
        assertThat(reports.alerts()).hasSameSizeAs(alertsOf(first));
    }

    private List<Alert> alertsOf(APIGatewayV2HTTPResponse response) {
        String reference = HttpApiEvents.body(response).path("reference").asText();
        return reports.alerts().stream().filter(a -> a.reference().value().equals(reference)).toList();
    }

    @Test
    void the_same_key_with_another_report_is_refused_and_nothing_more_is_stored() {
        submit(fixture());
        APIGatewayV2HTTPEvent other = fixture();
        body(other, text(object(other.getBody()).put("narrative", "Another report entirely.")));

        APIGatewayV2HTTPResponse refused = submit(other);

        assertThat(refused.getStatusCode()).isEqualTo(422);
        JsonNode problem = HttpApiEvents.body(refused);
        assertThat(problem.path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(problem.path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(reports.reports()).hasSize(1);
    }

    // --- refused input ----------------------------------------------------------------------------------------

    /** A way to spoil the fixture's request, and the problem (status, code, field) it must cause. */
    record BadInput(String description, int status, String field, String code, Consumer<APIGatewayV2HTTPEvent> spoil) {

        BadInput(String description, String field, String code, Consumer<APIGatewayV2HTTPEvent> spoil) {
            this(description, 400, field, code, spoil);
        }

        static BadInput report(String description, String field, String code, Consumer<ObjectNode> change) {
            return new BadInput(description, field, code, event -> {
                ObjectNode report = object(event.getBody());
                change.accept(report);
                body(event, text(report));
            });
        }

        static BadInput rawBody(String description, String code, java.util.function.UnaryOperator<String> change) {
            return new BadInput(description, "body", code, event -> body(event, change.apply(event.getBody())));
        }

        static BadInput contentType(String contentType) {
            return new BadInput("the body sent as " + contentType, 415, "Content-Type", "unsupported_media_type",
                    event -> header(event, "Content-Type", contentType));
        }

        /** The title of the problem's status, in {@code language}. */
        String title(Language language) {
            return switch (status) {
                case 413 -> TOO_LARGE.get(language);
                case 415 -> UNSUPPORTED_TYPE.get(language);
                default -> BAD_REQUEST.get(language);
            };
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<BadInput> badInputs() {
        Stream<BadInput> missing = REQUIRED.stream().map(field -> BadInput.report(
                "a report without " + field, field, "missing_field", report -> report.remove(field)));
        Stream<BadInput> others = Stream.of(
                BadInput.rawBody("malformed JSON", "invalid_json", json -> json.substring(0, json.length() / 2)),
                BadInput.rawBody("a JSON array", "invalid_json", json -> "[" + json + "]"),
                BadInput.rawBody("trailing garbage after the object", "invalid_json", json -> json + " garbage"),
                BadInput.rawBody("a second object after the first", "invalid_json", json -> json + json),
                BadInput.rawBody("a duplicate key", "invalid_json",
                        json -> json.replaceFirst("\\{", "{\"narrative\":\"first\",")),
                BadInput.rawBody("an empty body", "invalid_json", json -> ""),
                BadInput.report("immediateDanger as text", "immediateDanger", "invalid_field",
                        report -> report.put("immediateDanger", "yes")),
                BadInput.report("a number as narrative", "narrative", "invalid_field",
                        report -> report.put("narrative", 42)),
                BadInput.report("an unknown field", "phone", "unknown_field",
                        report -> report.put("phone", "+7 701 000 00 00")),
                new BadInput("a body over 16 KiB", 413, "body", "body_too_large",
                        event -> body(event, text(object(event.getBody()).put("narrative", "x".repeat(16 * 1024))))),
                new BadInput("a body of 16 KiB and one byte", 413, "body", "body_too_large",
                        event -> body(event, padded(event.getBody(), SubmitReportHandler.MAX_BODY_BYTES + 1))),
                BadInput.contentType("text/plain"),
                BadInput.contentType("application/xml"),
                BadInput.contentType("application/x-www-form-urlencoded"),
                BadInput.contentType("application/json; charset=latin1"),
                BadInput.contentType("application/problem+json"),
                new BadInput("the body without Content-Type", 415, "Content-Type", "unsupported_media_type",
                        event -> withoutHeader(event, "Content-Type")),
                BadInput.report("a right-to-left override in the narrative", "narrative", "invalid_field",
                        report -> report.put("narrative", "Paid \u202Eyad a 0001\u202C tenge")),
                BadInput.report("a first-strong isolate in the locality", "locality", "invalid_field",
                        report -> report.put("locality", "Almaty \u2068district\u2069")),
                BadInput.report("a left-to-right embedding in the narrative", "narrative", "invalid_field",
                        report -> report.put("narrative", "\u202Ahelp")),
                BadInput.report("a narrative of 4001 characters", "narrative", "invalid_field",
                        report -> report.put("narrative", "н".repeat(4001))),
                BadInput.report("a locality of 201 characters", "locality", "invalid_field",
                        report -> report.put("locality", "a".repeat(201))),
                BadInput.report("a blank narrative", "narrative", "invalid_field",
                        report -> report.put("narrative", " \n\t ")),
                BadInput.report("control characters in the narrative", "narrative", "invalid_field",
                        report -> report.put("narrative", "help\u0000me\u001b[2J")),
                new BadInput("a lone surrogate escaped in the narrative", "narrative", "invalid_field",
                        event -> body(event, text(object(event.getBody()).put("narrative", "SURROGATE"))
                                .replace("\"SURROGATE\"", "\"\\ud800 alone\""))),
                BadInput.report("control characters in the locality", "locality", "invalid_field",
                        report -> report.put("locality", "Almaty\u0007")),
                BadInput.report("an unknown region", "region", "invalid_field",
                        report -> report.put("region", "KZ-99")),
                BadInput.report("an unknown category", "category", "invalid_field",
                        report -> report.put("category", "trafficking")),
                BadInput.report("a language Senim does not serve", "language", "invalid_field",
                        report -> report.put("language", "de")),
                new BadInput("a body that is not UTF-8 (bytes C3 28)", "body", "invalid_encoding",
                        event -> binaryBody(event, notUtf8())),
                new BadInput("no Idempotency-Key", "Idempotency-Key", "missing_field",
                        event -> withoutHeader(event, "Idempotency-Key")),
                new BadInput("a malformed Idempotency-Key", "Idempotency-Key", "invalid_field",
                        event -> header(event, "Idempotency-Key", "not a key!")),
                new BadInput("an Idempotency-Key too short to be random", "Idempotency-Key", "invalid_field",
                        event -> header(event, "Idempotency-Key", "abc123")));
        return Stream.concat(missing, others);
    }

    /** The JSON {@code json} with spaces after it, {@code bytes} long in all (valid JSON, only too large). */
    private static String padded(String json, int bytes) {
        return json + " ".repeat(bytes - json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    /** A report whose narrative holds the bytes C3 28: a UTF-8 lead byte followed by no continuation byte. */
    private static byte[] notUtf8() {
        byte[] start = "{\"narrative\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(start, start.length + 4);
        bytes[start.length] = (byte) 0xC3;
        bytes[start.length + 1] = (byte) 0x28;
        bytes[start.length + 2] = '"';
        bytes[start.length + 3] = '}';
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void bad_input_is_refused_naming_the_field_in_the_requests_language_and_nothing_is_stored(BadInput bad) {
        Map<Language, String> details = new java.util.EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            APIGatewayV2HTTPEvent event = reportIn(language, report -> { });
            bad.spoil().accept(event);

            APIGatewayV2HTTPResponse response = submit(event);

            assertThat(response.getStatusCode()).as("%s in %s", bad, language).isEqualTo(bad.status());
            JsonNode problem = HttpApiEvents.body(response);
            assertThat(problem.path("field").asText()).as("field").isEqualTo(bad.field());
            assertThat(problem.path("code").asText()).as("code").isEqualTo(bad.code());
            assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
            assertThat(problem.path("title").asText()).isEqualTo(bad.title(language));
            assertThat(headers(response))
                    .containsEntry("Content-Language", language.code())
                    .containsEntry("Cache-Control", "no-store");
            if (!"body".equals(bad.field())) {
                assertThat(problem.path("detail").asText()).as("detail in %s", language).contains(bad.field());
            }
            details.put(language, problem.path("detail").asText());
        }
        assertThat(details.values()).as("one text per language: %s", details).doesNotHaveDuplicates();
        assertThat(reports.reports()).isEmpty();
        assertThat(reports.alerts()).isEmpty();
        assertThat(reports.idempotencyRecord(new IdempotencyKey(FIXTURE_KEY).hash())).isEmpty();
        assertThat(submit(reportIn(Language.RU, report -> { })).getStatusCode()).as("unspoiled").isEqualTo(201);
        assertThat(reports.reports()).as("the store the handler writes to").hasSize(1);
    }

    @Test
    void a_body_api_gateway_passes_base64_encoded_is_read_from_its_bytes() {
        APIGatewayV2HTTPEvent event = fixture();
        binaryBody(event, event.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(reports.reports()).singleElement().extracting(r -> Submissions.narrative(r.submission()))
                .isEqualTo(object(fixture().getBody()).path("narrative").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON; Charset=UTF-8",
            "application/json;charset=\"utf-8\""})
    void json_is_accepted_with_or_without_charset_utf8_in_any_case(String contentType) {
        APIGatewayV2HTTPEvent event = header(fixture(), "Content-Type", contentType);

        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(reports.reports()).hasSize(1);
    }

    @Test
    void a_body_of_exactly_16_kib_is_read() {
        APIGatewayV2HTTPEvent event = fixture();
        body(event, padded(event.getBody(), SubmitReportHandler.MAX_BODY_BYTES));

        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(reports.reports()).hasSize(1);
    }

    @Test
    void implicit_direction_marks_are_text_and_kept() {
        String narrative = "Менің атым \u200Fعلي\u200E, they took my passport.";

        APIGatewayV2HTTPResponse response = submit(reportIn(Language.KK, r -> r.put("narrative", narrative)));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(reports.reports()).singleElement().extracting(r -> r.submission().narrative())
                .isEqualTo(CaseText.plain(narrative));
    }

    @Test
    void a_narrative_of_exactly_4000_characters_is_accepted() {
        APIGatewayV2HTTPResponse response = submit(reportIn(Language.KK, r -> r.put("narrative", "қ".repeat(4000))));

        assertThat(response.getStatusCode()).isEqualTo(201);
    }

    @Test
    void an_empty_field_name_is_refused_as_an_unknown_field_not_a_crash() {
        APIGatewayV2HTTPEvent event = reportIn(Language.EN, report -> report.put("", true));

        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(HttpApiEvents.body(response).path("code").asText()).isEqualTo("unknown_field");
        assertThat(reports.reports()).isEmpty();
        assertThat(submit(reportIn(Language.EN, report -> { })).getStatusCode()).as("unspoiled").isEqualTo(201);
        assertThat(reports.reports()).as("the store the handler writes to").hasSize(1);
    }

    @Test
    void problem_texts_are_in_the_reports_language_before_the_accept_language() {
        // openapi.yaml, POST /v1/reports: problem texts are in the report's `language` when the body names a served
        // one, else in the language of Accept-Language, else English.
        APIGatewayV2HTTPEvent event = reportIn(Language.RU, report -> report.remove("narrative"));
        header(event, "Accept-Language", "uz-Latn-UZ, ru;q=0.8");

        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(HttpApiEvents.body(response).path("detail").asText())
                .isEqualTo("Поле «narrative» обязательно.");
    }

    @Test
    void without_a_served_report_language_problem_texts_follow_accept_language() {
        APIGatewayV2HTTPEvent event = reportIn(Language.RU, report -> report.put("language", "tr"));
        header(event, "Accept-Language", "uz-Latn-UZ, ru;q=0.8");

        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(HttpApiEvents.body(response).path("field").asText()).isEqualTo("language");
        assertThat(HttpApiEvents.body(response).path("detail").asText()).startsWith("«language»");
        assertThat(HttpApiEvents.body(response).path("title").asText())
                .isEqualTo("Noto‘g‘ri so‘rov");
    }

    // --- failures ---------------------------------------------------------------------------------------------

    @Test
    void when_storage_is_unavailable_the_client_is_told_to_retry_later_and_nothing_internal_leaks() {
        reports.unavailable(true);
        APIGatewayV2HTTPEvent event = reportIn(Language.UZ, report -> { });

        APIGatewayV2HTTPResponse response = submit(event);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(headers(response)).containsEntry("Retry-After", "2").containsEntry("Cache-Control", "no-store");
        JsonNode problem = HttpApiEvents.body(response);
        assertThat(problem.path("code").asText()).isEqualTo("service_unavailable");
        assertThat(problem.path("detail").asText())
                .isEqualTo("Xizmat hozir band, xabaringiz hali saqlanmadi. Birozdan so‘ng xuddi shu "
                        + "Idempotency-Key bilan qayta urinib ko‘ring.");
        assertThat(response.getBody()).doesNotContain("test: storage unavailable");
        reports.unavailable(false);
        assertThat(reports.reports()).isEmpty();
        assertThat(submit(event).getStatusCode()).as("the retry, storage back").isEqualTo(201);
        assertThat(reports.reports()).hasSize(1);
    }

    @Test
    void an_unexpected_bug_is_a_500_that_reveals_nothing_of_the_exception() {
        String secret = "SECRET-7f3e9b2a-table=senim-cases-arn:aws:dynamodb";
        Reports broken = new Reports() {
            @Override
            public SaveOutcome saveNew(Report report, List<Alert> alerts, IdempotencyRecord record) {
                throw new IllegalStateException(secret);
            }

            @Override
            public Optional<IdempotencyRecord> idempotencyRecord(String keyHash) {
                return Optional.empty();
            }

            @Override
            public Optional<Report> find(Reference reference) {
                throw new IllegalStateException(secret);
            }
        };
        APIGatewayV2HTTPEvent event = fixture();

        APIGatewayV2HTTPResponse response = conforming(event, handlerStoringIn(broken).handleRequest(event, null));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(HttpApiEvents.body(response).path("code").asText()).isEqualTo("internal_error");
        assertThat(response.getBody()).doesNotContain("SECRET", "IllegalStateException", "senim-cases");
        assertThat(String.valueOf(response.getHeaders())).contains("application/problem+json")
                .doesNotContain("SECRET");
    }

    // --- anonymity --------------------------------------------------------------------------------------------

    @Test
    void nothing_about_the_caller_outside_the_report_is_stored() {
        APIGatewayV2HTTPEvent event = fixture();
        event.getRequestContext().getHttp().setSourceIp("198.51.100.201");
        event.getRequestContext().getHttp().setUserAgent("Marker-UA/9.9 (device 6c1e0d55)");
        header(event, "User-Agent", "Marker-UA/9.9 (device 6c1e0d55)");
        header(event, "X-Forwarded-For", "198.51.100.201");
        header(event, "X-Device-Id", "marker-device-3b9f41");
        header(event, "Cookie", "session=marker-cookie-a81c");
        header(event, "X-Amzn-Trace-Id", "Root=1-marker-trace-5e2d");
        event.getRequestContext().setRequestId("marker-request-id-77d0");
        List<String> markers = List.of("198.51.100.201", "Marker-UA", "6c1e0d55", "marker-device", "marker-cookie",
                "marker-trace", "marker-request-id");

        assertThat(submit(event).getStatusCode()).isEqualTo(201);

        String stored = everythingStored();
        assertThat(stored).contains(object(event.getBody()).path("narrative").asText());
        for (String marker : markers) {
            assertThat(stored).doesNotContain(marker);
        }
    }

    /** Every value reachable from what InMemoryReports holds, read through record components, not toString. */
    private String everythingStored() {
        List<Object> held = new ArrayList<>();
        held.addAll(reports.reports());
        held.addAll(reports.alerts());
        reports.idempotencyRecord(new IdempotencyKey(FIXTURE_KEY).hash()).ifPresent(held::add);
        assertThat(held).hasSizeGreaterThanOrEqualTo(3);
        return held.stream().map(SubmitReportHandlerTest::deepText).collect(Collectors.joining("\n"));
    }

    private static String deepText(Object value) {
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('{');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    text.append(component.getName()).append('=')
                            .append(deepText(component.getAccessor().invoke(record))).append(';');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return text.append('}').toString();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(SubmitReportHandlerTest::deepText).orElse("empty");
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(SubmitReportHandlerTest::deepText)
                    .collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> deepText(e.getKey()) + ":" + deepText(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return String.valueOf(value);
    }
}
