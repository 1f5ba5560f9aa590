package kz.senim.messaging.dynamodb;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static kz.senim.messaging.ConversationFixture.ASTANA_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.Cases;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.http.HttpRequest;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.intake.IdempotencyRecord;
import kz.senim.intake.Receipt;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.Report;
import kz.senim.intake.ReporterAccess;
import kz.senim.intake.dynamodb.DynamoDbReports;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.Conversations;
import kz.senim.messaging.Direction;
import kz.senim.messaging.MessageId;
import kz.senim.messaging.MessageKind;
import kz.senim.messaging.MessageText;
import kz.senim.messaging.PostCaseMessage;
import kz.senim.messaging.ReadReporterMessages;
import kz.senim.messaging.ReplyAsReporter;
import kz.senim.messaging.api.PostCaseMessageHandler;
import kz.senim.messaging.api.ReporterMessagesHandler;
import kz.senim.messaging.api.ReporterReplyHandler;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestReceipts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The conversation of a case on DynamoDB Local: the handlers over the real adapters, as Lambda wires them, on one
 * clock. What the store itself promises is {@code ConversationsContract}.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbConversationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String QUESTION = "Вы сейчас в безопасности? Назовите, пожалуйста, улицу.";
    private static final String ANSWER = "Да. Общежитие за базаром, улица Райымбека.";

    private DynamoDbClient dynamoDb;
    private String table;
    private String keysTable;
    private CaseContent content;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final ReceiptHasher hasher = TestReceipts.hasher();
    private DynamoDbReports reports;
    private Cases cases;
    private DynamoDbConversations conversations;
    private DynamoDbAuditTrail audit;
    private PostCaseMessageHandler post;
    private ReporterMessagesHandler read;
    private ReporterReplyHandler reply;
    private ReplyAsReporter replyAsReporter;

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        List<CreateTableRequest> tables = SamTemplate.load().tables(logicalId -> run + "-" + logicalId);
        engine.createTables(tables);
        table = run + "-CasesTable";
        keysTable = run + "-CaseKeysTable";
        content = TestContent.content(dynamoDb, keysTable);
        ContentWrites writes = new ContentWrites(content, keysTable);
        reports = new DynamoDbReports(dynamoDb, table, clock, writes);
        cases = new DynamoDbCases(dynamoDb, table, ContentWrites.none());
        conversations = new DynamoDbConversations(dynamoDb, table, writes);
        audit = new DynamoDbAuditTrail(dynamoDb, table);
        ReporterAccess check = new ReporterAccess(reports, hasher);
        post = new PostCaseMessageHandler(new PostCaseMessage(cases, new CaseAccess(FixedDirectory.seeded()),
                conversations, RANDOM, clock));
        read = new ReporterMessagesHandler(new ReadReporterMessages(check, conversations, audit, content, clock));
        replyAsReporter = new ReplyAsReporter(check, conversations, clock);
        reply = new ReporterReplyHandler(replyAsReporter);
    }

    @Test
    void aQuestionIsReadAndAnsweredByTheReporterAndTheAnswerIsInTheCase() {
        Stored stored = reportInAlmaty();

        APIGatewayV2HTTPResponse posted = post.handleRequest(responder(ALMATY_RESPONDER, stored.reference(),
                "{\"kind\":\"question\",\"text\":\"" + QUESTION + "\"}"), null);
        assertThat(posted.getStatusCode()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(2));

        APIGatewayV2HTTPResponse inbox = read.handleRequest(reporterRead(stored), null);
        assertThat(inbox.getStatusCode()).isEqualTo(200);
        assertThat(body(inbox).path("messages")).singleElement()
                .satisfies(m -> assertThat(m.path("text").asText()).isEqualTo(QUESTION));
        clock.advance(Duration.ofMinutes(1));

        APIGatewayV2HTTPResponse replied = reply.handleRequest(reporterReply(stored, "it-reply-key-00000001",
                "{\"text\":\"" + ANSWER + "\"}"), null);
        assertThat(replied.getStatusCode()).isEqualTo(201);

        List<CaseMessage> caseView = conversations.forCase(stored.reference());
        assertThat(caseView).extracting(CaseMessage::direction)
                .containsExactly(Direction.TO_REPORTER, Direction.FROM_REPORTER);
        assertThat(caseView.get(0).author()).isEqualTo(ALMATY_RESPONDER.actor());
        assertThat(caseView.get(0).messageId().value()).isEqualTo(body(posted).path("messageId").asText());
        assertThat(caseView.get(1).text()).isInstanceOf(CaseText.Sealed.class);
        assertThat(content.opening(stored.reference()).open(caseView.get(1).text())).isEqualTo(CaseText.plain(ANSWER));
        assertThat(caseView.get(1).messageId().value()).isEqualTo(body(replied).path("messageId").asText());
        assertThat(audit.entries(stored.reference())).extracting(AuditEntry::action)
                .containsExactly("message_posted", "messages_read_by_reporter", "reporter_replied");
    }

    @Test
    void theItemsAreInTheCasePartitionAndNoAuditItemHoldsAnyText() {
        Stored stored = reportInAlmaty();
        post.handleRequest(responder(ALMATY_RESPONDER, stored.reference(),
                "{\"kind\":\"question\",\"text\":\"" + QUESTION + "\"}"), null);
        reply.handleRequest(reporterReply(stored, "it-reply-key-00000002", "{\"text\":\"" + ANSWER + "\"}"), null);
        read.handleRequest(reporterRead(stored), null);

        List<Map<String, AttributeValue>> items = partition(stored.reference());
        List<String> sortKeys = items.stream().map(i -> i.get("sk").s()).toList();
        assertThat(sortKeys).filteredOn(sk -> sk.startsWith("MESSAGE#")).hasSize(2)
                .allMatch(sk -> sk.matches("MESSAGE#2026-11-23T12:00:00\\.000Z#M[0-9A-Z]{16}"));
        assertThat(sortKeys).filteredOn(sk -> sk.startsWith("REPLYKEY#"))
                .containsExactly("REPLYKEY#" + new IdempotencyKey("it-reply-key-00000002").hash());
        assertThat(items).filteredOn(i -> i.get("sk").s().startsWith("MESSAGE#")).hasSize(2)
                .allSatisfy(i -> assertThat(i.get("text").s()).startsWith(CaseText.Sealed.PREFIX));
        assertThat(items.toString()).as("no text of the conversation in clear anywhere in the case")
                .doesNotContain("безопасности", "Общежитие", "Райымбека");
        List<Map<String, AttributeValue>> auditItems = items.stream()
                .filter(i -> i.get("sk").s().startsWith("AUDIT#")).toList();
        assertThat(auditItems).hasSize(3);
        for (Map<String, AttributeValue> item : auditItems) {
            assertThat(item.toString()).doesNotContain("безопасности", "Общежитие", "Райымбека");
        }
        Map<String, AttributeValue> question = items.stream()
                .filter(i -> "to_reporter".equals(attribute(i, "direction"))).findFirst().orElseThrow();
        assertThat(question.keySet()).containsExactlyInAnyOrder("pk", "sk", "kind", "reference", "messageId", "at",
                "direction", "messageKind", "text", "authorType", "authorPersonId", "authorOrganisationId",
                "authorRole");
        Map<String, AttributeValue> answer = items.stream()
                .filter(i -> "from_reporter".equals(attribute(i, "direction"))).findFirst().orElseThrow();
        assertThat(answer.keySet()).containsExactlyInAnyOrder("pk", "sk", "kind", "reference", "messageId", "at",
                "direction", "messageKind", "text", "authorType");
        assertThat(answer.get("authorType").s()).isEqualTo("reporter");
    }

    @Test
    void eightConcurrentRetriesOfAReplyStoreOneMessageOneKeyAndOneAuditEntry() throws Exception {
        Stored stored = reportInAlmaty();
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            calls.add(() -> {
                start.await();
                return reply.handleRequest(reporterReply(stored, "it-concurrent-key-0001",
                        "{\"text\":\"" + ANSWER + "\"}"), null);
            });
        }
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            List<Future<APIGatewayV2HTTPResponse>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201));
        assertThat(responses.stream().map(r -> body(r).path("messageId").asText()).distinct()).hasSize(1);
        assertThat(conversations.forCase(stored.reference())).hasSize(1);
        assertThat(partition(stored.reference())).extracting(i -> i.get("sk").s())
                .filteredOn(sk -> sk.startsWith("REPLYKEY#")).hasSize(1);
        assertThat(audit.entries(stored.reference())).extracting(AuditEntry::action)
                .containsExactly("reporter_replied");
    }

    @Test
    void theSameKeyWithAnotherTextIsRefusedAndStoresNothing() {
        Stored stored = reportInAlmaty();
        reply.handleRequest(reporterReply(stored, "it-reused-key-000001", "{\"text\":\"" + ANSWER + "\"}"), null);

        APIGatewayV2HTTPResponse reused = reply.handleRequest(reporterReply(stored, "it-reused-key-000001",
                "{\"text\":\"Другой текст\"}"), null);

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(body(reused).path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(conversations.forCase(stored.reference())).hasSize(1);
    }

    @Test
    void aClosedCaseTakesNoResponderMessageButTheReporterMayStillWrite() {
        Stored stored = reportInAlmaty();
        close(stored.reference());

        APIGatewayV2HTTPResponse refused = post.handleRequest(responder(ALMATY_RESPONDER, stored.reference(),
                "{\"kind\":\"update\",\"text\":\"Closing.\"}"), null);
        APIGatewayV2HTTPResponse replied = reply.handleRequest(reporterReply(stored, "it-after-closure-0001",
                "{\"text\":\"They came back. Please help.\"}"), null);
        APIGatewayV2HTTPResponse inbox = read.handleRequest(reporterRead(stored), null);

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(body(refused).path("code").asText()).isEqualTo("case_closed");
        assertThat(replied.getStatusCode()).isEqualTo(201);
        assertThat(body(inbox).path("status").asText()).isEqualTo("closed");
        assertThat(conversations.forCase(stored.reference())).singleElement()
                .satisfies(m -> assertThat(content.opening(stored.reference()).open(m.text()))
                        .isEqualTo(CaseText.plain("They came back. Please help.")));
        assertThat(audit.entries(stored.reference())).filteredOn(e -> e.action().equals("reporter_replied"))
                .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("caseStatus", "closed"));
    }

    @Test
    void aResponderOfAnotherRegionGetsNotFound() {
        Stored stored = reportInAlmaty();

        APIGatewayV2HTTPResponse response = post.handleRequest(responder(ASTANA_RESPONDER, stored.reference(),
                "{\"kind\":\"question\",\"text\":\"" + QUESTION + "\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(partition(stored.reference())).extracting(i -> i.get("sk").s()).contains("REPORT")
                .noneMatch(sk -> sk.startsWith("MESSAGE#") || sk.startsWith("AUDIT#"));
    }

    @Test
    void aResponderRetryWithTheSameKeyAnswersTheFirstMessageAgainAndStoresOneMessageKeyAndAuditEntry() {
        Stored stored = reportInAlmaty();
        String body = "{\"kind\":\"question\",\"text\":\"" + QUESTION + "\"}";

        APIGatewayV2HTTPResponse first = post.handleRequest(staffKeyed(stored.reference(), "it-staff-key-0000001",
                body), null);
        clock.advance(Duration.ofSeconds(40));
        APIGatewayV2HTTPResponse retry = post.handleRequest(staffKeyed(stored.reference(), "it-staff-key-0000001",
                body), null);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(first.getHeaders()).doesNotContainKey("Idempotent-Replayed");
        assertThat(conversations.forCase(stored.reference())).singleElement()
                .satisfies(m -> assertThat(m.messageId().value()).isEqualTo(body(first).path("messageId").asText()));
        assertThat(audit.entries(stored.reference())).extracting(AuditEntry::action)
                .containsExactly("message_posted");
        String keyHash = new IdempotencyKey("it-staff-key-0000001").hash();
        List<Map<String, AttributeValue>> keyItems = partition(stored.reference()).stream()
                .filter(i -> i.get("sk").s().startsWith("STAFFKEY#")).toList();
        assertThat(keyItems).hasSize(1);
        Map<String, AttributeValue> keyItem = keyItems.getFirst();
        assertThat(keyItem.get("sk").s()).isEqualTo("STAFFKEY#" + keyHash);
        assertThat(keyItem.keySet()).containsExactlyInAnyOrder("pk", "sk", "kind", "reference", "createdId", "at",
                "requestHash");
        assertThat(keyItem.get("kind").s()).isEqualTo("STAFF_KEY");
        assertThat(keyItem.get("createdId").s()).isEqualTo(body(first).path("messageId").asText());
        assertThat(keyItem.toString()).doesNotContain("it-staff-key-0000001", "безопасности");
    }

    @Test
    void eightConcurrentResponderRetriesStoreOneMessageOneKeyAndOneAuditEntry() throws Exception {
        Stored stored = reportInAlmaty();
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            calls.add(() -> {
                start.await();
                return post.handleRequest(staffKeyed(stored.reference(), "it-staff-concurrent-01",
                        "{\"kind\":\"update\",\"text\":\"" + QUESTION + "\"}"), null);
            });
        }
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            List<Future<APIGatewayV2HTTPResponse>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201));
        assertThat(responses.stream().map(APIGatewayV2HTTPResponse::getBody).distinct()).hasSize(1);
        assertThat(responses.stream().filter(r -> !r.getHeaders().containsKey("Idempotent-Replayed"))).hasSize(1);
        assertThat(conversations.forCase(stored.reference())).hasSize(1);
        assertThat(partition(stored.reference())).extracting(i -> i.get("sk").s())
                .filteredOn(sk -> sk.startsWith("STAFFKEY#")).hasSize(1);
        assertThat(audit.entries(stored.reference())).extracting(AuditEntry::action)
                .containsExactly("message_posted");
    }

    @Test
    void aResponderKeyReusedWithAnotherTextIsRefusedWith422AndStoresNothing() {
        Stored stored = reportInAlmaty();
        post.handleRequest(staffKeyed(stored.reference(), "it-staff-reused-0001",
                "{\"kind\":\"question\",\"text\":\"" + QUESTION + "\"}"), null);

        APIGatewayV2HTTPResponse reused = post.handleRequest(staffKeyed(stored.reference(), "it-staff-reused-0001",
                "{\"kind\":\"question\",\"text\":\"Другой вопрос\"}"), null);

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(body(reused).path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(body(reused).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(conversations.forCase(stored.reference())).hasSize(1);
        assertThat(audit.entries(stored.reference())).hasSize(1);
    }

    @Test
    void aWriteRefusedForATakenResponderKeyLeavesNoDataKeyBehind() {
        Stored stored = reportInAlmaty();
        Actor.Person author = ALMATY_RESPONDER.actor();
        CaseMessage message = CaseMessage.toReporter(stored.reference(), MessageId.forStaffMessage(
                stored.reference(), "h1"), clock.instant(), MessageKind.QUESTION, author, new MessageText("first"));
        CaseMessage again = CaseMessage.toReporter(stored.reference(), MessageId.random(RANDOM),
                clock.instant().plusSeconds(1), MessageKind.QUESTION, author, new MessageText("second"));
        kz.senim.cases.StaffKey key = new kz.senim.cases.StaffKey("h1", "r1", message.messageId().value(),
                message.at());

        assertThat(conversations.post(message, AuditEntry.of(stored.reference(), clock.instant(), author,
                "message_posted"), key)).isEqualTo(new Conversations.PostOutcome.Stored());
        assertThat(conversations.post(again, AuditEntry.of(stored.reference(), clock.instant(), author,
                "message_posted"), key)).isEqualTo(new Conversations.PostOutcome.KeyTaken());

        assertThat(dynamoDb.scanPaginator(r -> r.tableName(keysTable)).items().stream()
                .filter(k -> k.get("pk").s().equals(CasesTable.casePartition(stored.reference()))).toList())
                .as("the report's key and the first message's; the refused write left no key").hasSize(2);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private APIGatewayV2HTTPEvent staffKeyed(Reference reference, String key, String body) {
        APIGatewayV2HTTPEvent event = responder(ALMATY_RESPONDER, reference, body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }

    private record Stored(Reference reference, Receipt receipt) {
    }

    /** A victim's report in Almaty as intake stores it: alerted to the commission and the Almaty shelter. */
    private Stored reportInAlmaty() {
        Reference reference = Reference.random(RANDOM);
        Receipt receipt = Receipt.random(RANDOM);
        ReportSubmission submission = Submissions.victimInAlmaty();
        Instant at = clock.instant().minus(Duration.ofHours(1));
        Report report = new Report(reference, submission, Severity.MEDIUM, CaseStatus.RECEIVED,
                hasher.hash(receipt), at, at);
        List<Alert> alerts = List.of("kz-75-commission", "ngo-shelter-almaty").stream()
                .map(o -> Alert.of(reference, o, submission.region(), submission.category(), Severity.MEDIUM, at))
                .toList();
        reports.saveNew(report, alerts, new IdempotencyRecord(UUID.randomUUID().toString(), "request", reference,
                "sealed", at.plus(Duration.ofHours(24))));
        return new Stored(reference, receipt);
    }

    private void close(Reference reference) {
        CaseFile file = cases.find(reference).orElseThrow();
        Actor actor = ALMATY_RESPONDER.actor();
        CaseFile acknowledged = ((CaseFile.Change.Changed) file.acknowledgedBy("kz-75-commission",
                clock.instant())).file();
        cases.save(acknowledged, AuditEntry.of(reference, clock.instant(), actor, "acknowledged"));
        CaseFile closed = ((CaseFile.Change.Changed) acknowledged.close(ClosingOutcome.ASSISTED, false,
                clock.instant())).file();
        assertThat(cases.save(closed, AuditEntry.of(reference, clock.instant(), actor, "closed")))
                .isEqualTo(new Cases.SaveOutcome.Saved());
    }

    private APIGatewayV2HTTPEvent responder(Caller caller, Reference reference, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw-v2-post-case-message.json");
        event.getPathParameters().put("reference", reference.value());
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", caller.personId());
        claims.put(HttpRequest.CLAIM_ORGANISATION, caller.organisationId());
        claims.put(HttpRequest.CLAIM_ROLE, caller.role().code());
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        event.setBody(body);
        return event;
    }

    private APIGatewayV2HTTPEvent reporterRead(Stored stored) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw-v2-reporter-messages.json");
        event.getPathParameters().put("reference", stored.reference().value());
        event.getHeaders().put("x-receipt", stored.receipt().value());
        return event;
    }

    private APIGatewayV2HTTPEvent reporterReply(Stored stored, String key, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw-v2-reporter-reply.json");
        event.getPathParameters().put("reference", stored.reference().value());
        event.getHeaders().put("x-receipt", stored.receipt().value());
        event.getHeaders().put("idempotency-key", key);
        event.setBody(body);
        return event;
    }

    private List<Map<String, AttributeValue>> partition(Reference reference) {
        return dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CASE#" + reference.value()))))
                .items().stream().toList();
    }

    private static String attribute(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
