package kz.senim.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseText;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
import kz.senim.directory.DirectoryData;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.intake.api.SubmitReportHandler;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestTables;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real {@link SubmitReport} as Lambda builds it ({@link Wiring}, default receipt hashing cost), pointed at
 * DynamoDB Local through the SDK's standard endpoint setting.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class SubmitReportIT {

    private static final int RETRIES = 16;

    /** The one clock of everything this test wires; only the test moves it. */
    private final MutableClock clock = new MutableClock(Instant.now());
    private DynamoDbEngine engine;
    private DynamoDbClient dynamoDb;
    private TestTables tables;
    private Wiring wiring;

    @BeforeEach
    void wire(DynamoDbEngine engine) {
        this.engine = engine;
        dynamoDb = engine.client();
        tables = TestTables.create(engine);
        wiring = newWiring();
        wiring.directorySeeder().seed(DirectoryData.seed());
    }

    @Test
    void theWiringTalksToDynamoDbLocalThroughTheStandardEndpointSetting() {
        assertThat(System.getProperty(LocalWiring.DYNAMODB_ENDPOINT)).as("restored after building").isNull();
        assertThat(wiring.dynamoDb().listTablesPaginator().tableNames().stream().toList())
                .contains(tables.cases(), tables.directory());
    }

    @Test
    void sixteenConcurrentRetriesOfOneSubmissionStoreOneReportAndOneAlertPerRecipient() throws Exception {
        SubmitReport submitReport = wiring.submitReport();
        IdempotencyKey key = new IdempotencyKey("retry-" + UUID.randomUUID());
        ReportSubmission submission = Submissions.victimInAlmaty();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<SubmissionOutcome>> retries = new ArrayList<>();
        for (int i = 0; i < RETRIES; i++) {
            retries.add(() -> {
                start.await();
                return submitReport.submit(key, submission);
            });
        }

        List<Accepted> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SubmissionOutcome>> futures = retries.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<SubmissionOutcome> future : futures) {
                answers.add((Accepted) future.get(90, TimeUnit.SECONDS));
            }
        }

        Accepted first = answers.getFirst();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.reference()).isEqualTo(first.reference());
            assertThat(answer.receipt()).isEqualTo(first.receipt());
        });
        assertThat(answers).filteredOn(answer -> !answer.replayed()).hasSize(1);

        List<Map<String, AttributeValue>> items = scan();
        assertThat(items).filteredOn(item -> "REPORT".equals(item.get("kind").s())).hasSize(1)
                .allSatisfy(report -> assertThat(report.get("reference").s()).isEqualTo(first.reference().value()));
        assertThat(items).filteredOn(item -> "ALERT".equals(item.get("kind").s()))
                .extracting(item -> item.get("sk").s())
                .containsExactlyInAnyOrder("ALERT#kz-75-commission", "ALERT#ngo-shelter-almaty");
        assertThat(items).filteredOn(item -> "IDEMPOTENCY".equals(item.get("kind").s())).hasSize(1);
        assertThat(items).hasSize(4);
    }

    @Test
    void theReceiptOfTheAnswerFindsTheReportAndNoOtherReceiptDoes() {
        Accepted accepted = (Accepted) wiring.submitReport().submit(new IdempotencyKey("status-" + UUID.randomUUID()),
                Submissions.victimInAlmaty());

        StatusOutcome found = wiring.reporterAccess().check(accepted.reference().value(),
                accepted.receipt().value().toLowerCase());
        assertThat(found).isEqualTo(new StatusOutcome.Found(accepted.reference(), accepted.status(),
                Submissions.victimInAlmaty().language()));

        String otherReceipt = accepted.receipt().value().startsWith("0")
                ? "1" + accepted.receipt().value().substring(1) : "0" + accepted.receipt().value().substring(1);
        assertThat(wiring.reporterAccess().check(accepted.reference().value(), otherReceipt))
                .isEqualTo(new StatusOutcome.NotFound());
    }

    @Test
    void theStoredReportKeepsTheNarrativeButNoHeaderValueNorTheReceipt() {
        IdempotencyKey key = new IdempotencyKey("headers-" + UUID.randomUUID());
        ReportSubmission submission = Submissions.victimInAlmaty();
        Accepted accepted = (Accepted) wiring.submitReport().submit(key, submission);

        Map<String, AttributeValue> report = scan().stream()
                .filter(item -> "REPORT".equals(item.get("kind").s()))
                .findFirst().orElseThrow();
        CaseContent.Opening opening = TestContent.content(dynamoDb, tables.caseKeys()).opening(accepted.reference());
        assertThat(report.get("narrative").s()).startsWith(CaseText.Sealed.PREFIX);
        assertThat(opening.open(CaseText.stored(report.get("narrative").s()))).isEqualTo(submission.narrative());
        assertThat(opening.open(CaseText.stored(report.get("locality").s())))
                .isEqualTo(submission.locality().orElseThrow());
        String everythingStored = scan().toString();
        assertThat(everythingStored)
                .doesNotContain(key.value())
                .doesNotContain(accepted.receipt().value())
                .doesNotContain(accepted.receipt().value().replace("-", ""))
                .doesNotContain(Submissions.narrative(submission))
                .doesNotContain(Submissions.locality(submission));
        assertThat(report.get("receiptHash").s()).startsWith("hmac-sha256$v1$");
    }

    @Test
    void aReportPostedWithIdentifyingHeadersIsStoredWithoutAnyOfThem() {
        String key = "http-" + UUID.randomUUID();
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                "idempotency-key", key,
                "accept-language", "uz-UZ,uz;q=0.9",
                "user-agent", "SenimApp/3.1 (Android 14; Pixel 8 SM-UNIQUE-DEVICE)",
                "x-forwarded-for", "203.0.113.77",
                "x-device-id", "device-4f1c2a9e-unique",
                "cookie", "session=cookie-secret-value");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath("/v1/reports");
        http.setSourceIp("203.0.113.77");
        http.setUserAgent(headers.get("user-agent"));
        context.setHttp(http);
        context.setRouteKey("POST /v1/reports");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("POST /v1/reports");
        event.setRawPath("/v1/reports");
        event.setHeaders(headers);
        event.setRequestContext(context);
        event.setBody("""
                {"reporterRole":"victim","category":"forced_labour","region":"KZ-75","locality":"Bazaar district",
                 "immediateDanger":false,"policeConsent":false,"childInvolved":false,"foreignNational":true,
                 "narrative":"Ular pasportimni olib qo'yishdi, I work on a building site without pay.",
                 "language":"uz"}""");

        APIGatewayV2HTTPResponse response = new SubmitReportHandler(wiring).handleRequest(event, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        List<Map<String, AttributeValue>> items = scan();
        Map<String, AttributeValue> report = items.stream().filter(item -> "REPORT".equals(item.get("kind").s()))
                .findFirst().orElseThrow();
        assertThat(TestContent.content(dynamoDb, tables.caseKeys()).opening(new Reference(report.get("reference").s()))
                .open(CaseText.stored(report.get("narrative").s())).readable())
                .hasValueSatisfying(narrative -> assertThat(narrative).contains("I work on a building site without pay"));
        String everythingStored = items.toString();
        assertThat(everythingStored).doesNotContain(key, "203.0.113.77", "SenimApp", "SM-UNIQUE-DEVICE",
                "device-4f1c2a9e", "cookie-secret-value", "uz-UZ");
    }

    @Test
    void aRetryAfterTheFirstAnswerWasLostGetsTheSameReceiptBack() {
        IdempotencyKey key = new IdempotencyKey("lost-" + UUID.randomUUID());
        Accepted first = (Accepted) wiring.submitReport().submit(key, Submissions.victimInAlmaty());

        // a cold start: a new wiring, nothing in memory
        Accepted retry = (Accepted) newWiring().submitReport().submit(key, Submissions.victimInAlmaty());

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.reference()).isEqualTo(first.reference());
        assertThat(retry.receipt()).isEqualTo(first.receipt());
    }

    /** As {@code SubmitReportTest.a_key_past_its_replay_window_starts_a_new_report} says with the in-memory fake. */
    @Test
    void aKeyPastItsReplayWindowStartsANewReportByTheUseCasesClock() {
        Wiring clocked = newWiring();
        IdempotencyKey key = new IdempotencyKey("window-" + UUID.randomUUID());
        Accepted first = (Accepted) clocked.submitReport().submit(key, Submissions.victimInAlmaty());
        clock.advance(SubmitReport.REPLAY_WINDOW.plus(Duration.ofMinutes(1)));

        Accepted later = (Accepted) clocked.submitReport().submit(key, Submissions.victimInAlmaty());

        assertThat(later.replayed()).isFalse();
        assertThat(later.reference()).isNotEqualTo(first.reference());
        assertThat(scan()).filteredOn(item -> "REPORT".equals(item.get("kind").s())).hasSize(2);
    }

    @Test
    void theSameKeyWithAnotherReportIsRefusedAndStoresNothing() {
        IdempotencyKey key = new IdempotencyKey("reused-" + UUID.randomUUID());
        wiring.submitReport().submit(key, Submissions.victimInAlmaty());
        int before = scan().size();

        SubmissionOutcome outcome = wiring.submitReport().submit(key, Submissions.with(Submissions.victimInAlmaty(),
                true, false, false, false));

        assertThat(outcome).isEqualTo(new SubmissionOutcome.KeyReused());
        assertThat(scan()).hasSize(before);
    }

    private Wiring newWiring() {
        return LocalWiring.against(engine, null, Map.of(
                Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory(),
                Wiring.CASE_KEYS_TABLE, tables.caseKeys()), clock);
    }

    private List<Map<String, AttributeValue>> scan() {
        return dynamoDb.scanPaginator(r -> r.tableName(tables.cases()).consistentRead(true)).items().stream().toList();
    }

}
