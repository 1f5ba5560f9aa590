package kz.senim.intake.api;

import static kz.senim.testing.HttpApiEvents.conforming;
import static kz.senim.testing.HttpApiEvents.header;
import static kz.senim.testing.HttpApiEvents.headers;
import static kz.senim.testing.HttpApiEvents.pathParameter;
import static kz.senim.testing.HttpApiEvents.query;
import static kz.senim.testing.HttpApiEvents.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Locale;
import kz.senim.testing.TestReceipts;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.i18n.Language;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.ReporterAccess;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.ShowReportStatus;
import kz.senim.intake.SubmissionOutcome;
import kz.senim.intake.SubmitReport;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.HttpApiEvents;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.triage.Triage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportStatusHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-report-status.json";

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryReports reports = new InMemoryReports(clock);
    private final ReceiptHasher hasher = TestReceipts.hasher();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final ReportStatusHandler handler = new ReportStatusHandler(
            new ShowReportStatus(new ReporterAccess(reports, hasher), audit, clock));
    private SubmissionOutcome.Accepted stored;

    @BeforeEach
    void a_report_written_in_russian_is_stored() {
        SubmitReport submitReport = new SubmitReport(reports, new Triage(FixedDirectory.seeded()),
                new SafetyAdvice(RegionCatalogue.load(), FixedDirectory.seeded()), hasher, random,
                clock);
        stored = (SubmissionOutcome.Accepted) submitReport.submit(new IdempotencyKey("status-test-key-0001"),
                Submissions.victimInAlmaty());
        assertThat(Submissions.victimInAlmaty().language()).isEqualTo(Language.RU);
    }

    /** The fixture (Accept-Language: uz) asking about {@code reference} with {@code receipt}. */
    private static APIGatewayV2HTTPEvent statusOf(String reference, String receipt) {
        APIGatewayV2HTTPEvent event = HttpApiEvents.load(FIXTURE);
        pathParameter(event, "reference", reference, "/v1/reports/" + reference);
        return header(event, "X-Receipt", receipt);
    }

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return conforming(event, handler.handleRequest(event, null));
    }

    private String reference() {
        return stored.reference().value();
    }

    private String receipt() {
        return stored.receipt().value();
    }

    @Test
    void a_status_read_is_audited_as_the_reporter_and_a_failed_check_is_not() {
        ask(statusOf(reference(), receipt()));
        ask(statusOf(reference(), kz.senim.intake.Receipt.random(random).value()));

        assertThat(audit.entries(stored.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("status_read_by_reporter");
            assertThat(entry.actor()).isEqualTo(new kz.senim.cases.Actor.Reporter());
            assertThat(entry.details()).isEmpty();
        });
    }

    @Test
    void the_holder_of_the_receipt_sees_the_status_in_the_language_of_the_report() {
        APIGatewayV2HTTPResponse response = ask(statusOf(reference(), receipt()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode status = HttpApiEvents.body(response);
        assertThat(status.path("reference").asText()).isEqualTo(reference());
        assertThat(status.path("status").asText()).isEqualTo("received");
        assertThat(status.path("statusText").asText())
                .isEqualTo("Ваше сообщение получено. Специалист скоро его рассмотрит.");
        assertThat(headers(response)).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void the_status_text_is_in_lang_when_lang_is_given() {
        APIGatewayV2HTTPResponse response = ask(query(statusOf(reference(), receipt()), "lang", "kk"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(HttpApiEvents.body(response).path("statusText").asText())
                .isEqualTo("Хабарламаңыз қабылданды. Жауапты маман оны жақын арада қарайды.");
    }

    @Test
    void a_receipt_typed_in_lower_case_with_spaces_still_works() {
        String typed = receipt().toLowerCase(Locale.ROOT).replace("-", " ");

        APIGatewayV2HTTPResponse response = ask(statusOf(reference(), "  " + typed + " "));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void a_reference_typed_in_lower_case_still_works() {
        String typed = reference().toLowerCase(Locale.ROOT);

        APIGatewayV2HTTPResponse response = ask(statusOf(typed, receipt()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(HttpApiEvents.body(response).path("reference").asText()).isEqualTo(reference());
    }

    @Test
    void a_wrong_receipt_and_an_unknown_reference_get_byte_identical_answers() {
        String wrongReceipt = receipt().equals("0000-0000-0000-0000-0000") ? "1111-1111-1111-1111-1111"
                : "0000-0000-0000-0000-0000";
        String unknownReference = reference().equals("SN-0000-0000-0000") ? "SN-1111-1111-1111" : "SN-0000-0000-0000";

        APIGatewayV2HTTPResponse wrongReceiptAnswer = ask(statusOf(reference(), wrongReceipt));
        APIGatewayV2HTTPResponse unknownReferenceAnswer = ask(statusOf(unknownReference, receipt()));
        APIGatewayV2HTTPResponse malformedReferenceAnswer = ask(statusOf("SN-NOT-A-REF", receipt()));

        assertThat(wrongReceiptAnswer.getStatusCode()).isEqualTo(404);
        assertThat(unknownReferenceAnswer.getStatusCode()).isEqualTo(404);
        assertThat(unknownReferenceAnswer.getBody()).isEqualTo(wrongReceiptAnswer.getBody());
        assertThat(unknownReferenceAnswer.getHeaders()).isEqualTo(wrongReceiptAnswer.getHeaders());
        assertThat(malformedReferenceAnswer.getBody()).isEqualTo(wrongReceiptAnswer.getBody());
        assertThat(HttpApiEvents.body(wrongReceiptAnswer).path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void a_not_found_answer_is_in_the_callers_language_never_the_reports() {
        APIGatewayV2HTTPResponse response = ask(statusOf(reference(), "0000-0000-0000-0000-0000"));

        assertThat(HttpApiEvents.body(response).path("detail").asText())
                .isEqualTo("Bu raqam va kvitansiyaga mos xabar topilmadi.");
    }

    @Test
    void without_x_receipt_the_request_is_refused_naming_the_header() {
        APIGatewayV2HTTPResponse response = ask(withoutHeader(statusOf(reference(), receipt()), "X-Receipt"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = HttpApiEvents.body(response);
        assertThat(problem.path("field").asText()).isEqualTo("X-Receipt");
        assertThat(problem.path("code").asText()).isEqualTo("missing_field");
        assertThat(problem.path("detail").asText()).contains("X-Receipt")
                .isEqualTo("«X-Receipt» sarlavhasi majburiy.");
    }

    @Test
    void a_lang_senim_does_not_serve_is_refused_naming_the_parameter() {
        APIGatewayV2HTTPResponse response = ask(query(statusOf(reference(), receipt()), "lang", "de"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = HttpApiEvents.body(response);
        assertThat(problem.path("field").asText()).isEqualTo("lang");
        assertThat(problem.path("code").asText()).isEqualTo("invalid_field");
        assertThat(problem.path("detail").asText()).contains("lang", "kk, ru, en, uz");
    }

    @Test
    void a_reference_longer_than_32_characters_is_refused_naming_it_as_the_contract_says() {
        // openapi.yaml GET /v1/reports/{reference}, 400: "reference is longer than 32 characters (field reference)"
        APIGatewayV2HTTPEvent event = statusOf("SN-" + "A".repeat(30), receipt());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(HttpApiEvents.body(response).path("field").asText()).isEqualTo("reference");
        conforming(event, response);
    }

    @Test
    void a_receipt_longer_than_64_characters_is_refused_naming_it_as_the_contract_says() {
        // openapi.yaml GET /v1/reports/{reference}, 400: "X-Receipt is missing or longer than 64 characters"
        APIGatewayV2HTTPEvent event = statusOf(reference(), receipt() + " ".repeat(40) + receipt());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(HttpApiEvents.body(response).path("field").asText()).isEqualTo("X-Receipt");
        conforming(event, response);
    }

    @Test
    void when_storage_is_unavailable_the_caller_is_told_to_retry() {
        reports.unavailable(true);

        APIGatewayV2HTTPResponse response = ask(statusOf(reference(), receipt()));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(headers(response)).containsKey("Retry-After");
        assertThat(response.getBody()).doesNotContain("test: storage unavailable");
    }

    @Test
    void the_answer_never_contains_the_receipt() {
        APIGatewayV2HTTPResponse response = ask(statusOf(reference(), receipt()));

        assertThat(response.getBody()).contains(reference()).doesNotContain(receipt());
        assertThat(new Reference(reference())).isEqualTo(stored.reference());
    }
}
