package kz.senim.erasure.api;

import static kz.senim.testing.HttpApiEvents.conforming;
import static kz.senim.testing.HttpApiEvents.header;
import static kz.senim.testing.HttpApiEvents.headers;
import static kz.senim.testing.HttpApiEvents.pathParameter;
import static kz.senim.testing.HttpApiEvents.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import kz.senim.cases.CaseStatus;
import kz.senim.erasure.EraseContent;
import kz.senim.erasure.ErasureReason;
import kz.senim.erasure.RecordingErasures;
import kz.senim.erasure.WithdrawReport;
import kz.senim.intake.Receipt;
import kz.senim.intake.ReporterAccess;
import kz.senim.testing.HttpApiEvents;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCaseKeys;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.InMemoryReferrals;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.ReportedCases;
import kz.senim.testing.ReportedCases.ReportedCase;
import kz.senim.testing.TestReceipts;
import org.junit.jupiter.api.Test;

/** {@code DELETE /v1/reports/{reference}} from an API Gateway event, each answer checked against the contract. */
class WithdrawReportHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-withdraw-report.json";

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryReports reports = new InMemoryReports(clock);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final RecordingErasures store = new RecordingErasures();
    private final WithdrawReportHandler handler = new WithdrawReportHandler(new WithdrawReport(
            new ReporterAccess(reports, TestReceipts.hasher()), cases,
            new EraseContent(store, new InMemoryCaseKeys(), cases, new InMemoryReferrals(cases, audit), clock)));
    private final ReportedCase reported = new ReportedCases(reports, cases, TestReceipts.hasher(), random)
            .inAlmaty(CaseStatus.ACKNOWLEDGED, Instant.parse("2026-11-20T09:00:00Z"));

    /** The fixture (Accept-Language: ru) withdrawing {@code reference} with {@code receipt}. */
    private static APIGatewayV2HTTPEvent withdrawal(String reference, String receipt) {
        APIGatewayV2HTTPEvent event = HttpApiEvents.load(FIXTURE);
        pathParameter(event, "reference", reference, "/v1/reports/" + reference);
        return header(event, "X-Receipt", receipt);
    }

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void the_holder_of_the_receipt_withdraws_and_is_told_so_in_the_language_of_the_report() {
        APIGatewayV2HTTPResponse response = ask(withdrawal(reported.reference().value(),
                reported.receipt().value()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = HttpApiEvents.body(response);
        assertThat(body.path("reference").asText()).isEqualTo(reported.reference().value());
        assertThat(body.path("status").asText()).isEqualTo("withdrawn_by_reporter");
        assertThat(body.path("statusText").asText())
                .isEqualTo("Вы отозвали своё сообщение. Всё, что вы написали, и ваша квитанция удалены.");
        assertThat(headers(response)).containsEntry("Cache-Control", "no-store");
        assertThat(store.commits).singleElement().satisfies(commit ->
                assertThat(commit.reason()).isEqualTo(ErasureReason.WITHDRAWN_BY_REPORTER));
    }

    @Test
    void the_answer_is_in_lang_when_lang_is_given() {
        APIGatewayV2HTTPResponse response = ask(query(withdrawal(reported.reference().value(),
                reported.receipt().value()), "lang", "uz"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(HttpApiEvents.body(response).path("statusText").asText())
                .isEqualTo("Siz xabaringizni qaytarib oldingiz. Siz yozgan hamma narsa va kvitansiyangiz o‘chirildi.");
    }

    @Test
    void a_wrong_receipt_and_an_unknown_reference_get_the_same_404_and_nothing_is_erased() {
        APIGatewayV2HTTPResponse wrongReceipt = ask(withdrawal(reported.reference().value(),
                Receipt.random(random).value()));
        APIGatewayV2HTTPResponse unknown = ask(withdrawal("SN-0000-0000-0000", reported.receipt().value()));

        assertThat(wrongReceipt.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).isEqualTo(wrongReceipt.getBody());
        assertThat(HttpApiEvents.body(unknown).path("code").asText()).isEqualTo("not_found");
        assertThat(store.commits).isEmpty();
        assertThat(ask(withdrawal(reported.reference().value(), reported.receipt().value())).getStatusCode())
                .as("guard: the right receipt withdraws").isEqualTo(200);
    }

    @Test
    void a_missing_receipt_is_a_400_naming_the_header() {
        APIGatewayV2HTTPEvent event = HttpApiEvents.withoutHeader(withdrawal(reported.reference().value(),
                reported.receipt().value()), "X-Receipt");

        APIGatewayV2HTTPResponse response = ask(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(HttpApiEvents.body(response).path("field").asText()).isEqualToIgnoringCase("X-Receipt");
        assertThat(store.commits).isEmpty();
    }
}
