package kz.senim.alerting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.AlertMessageSchema;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.directory.Directory;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.dynamodb.DirectorySeeder;
import kz.senim.directory.dynamodb.DynamoDbDirectory;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.intake.SubmitReport;
import kz.senim.intake.dynamodb.DynamoDbReports;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.local.engines.streams.DynamoDbStreamPoller;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.CasesStream;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.RecordingAlertPublisher;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestReceipts;
import kz.senim.testing.TestTables;
import kz.senim.triage.Triage;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The alert outbox end to end on DynamoDB Local: a report is submitted, its ALERT items are read back from the cases
 * table's stream and handed, as Lambda would, to {@link AlertDispatcherHandler}.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class AlertStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DynamoDbEngine engine;
    private TestTables tables;
    private SubmitReport submitReport;
    private RecordingAlertPublisher publisher;
    private AlertDispatcherHandler handler;
    private CasesStream stream;

    @BeforeEach
    void wire(DynamoDbEngine engine) {
        this.engine = engine;
        tables = TestTables.create(engine);
        new DirectorySeeder(engine.client(), tables.directory()).seed(DirectoryData.seed());
        Directory directory = new DynamoDbDirectory(engine.client(), tables.directory());
        submitReport = new SubmitReport(new DynamoDbReports(engine.client(), tables.cases(), Clock.systemUTC(),
                TestContent.writes(engine.client(), tables.caseKeys())),
                new Triage(directory), new SafetyAdvice(RegionCatalogue.load(), directory),
                TestReceipts.hasher(), RANDOM, Clock.systemUTC());
        Wiring wiring = LocalWiring.against(engine, null, Map.of(
                Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory()), Clock.systemUTC());
        publisher = new RecordingAlertPublisher();
        handler = new AlertDispatcherHandler(wiring.dispatchAlerts(publisher));
        stream = new CasesStream(engine.client(), engine.streamsClient(), tables.cases());
    }

    @Test
    void eachAlertOfASubmittedReportIsPublishedOnce() {
        Reference reference = submit(Submissions.victimInAlmaty());
        List<DynamodbEvent.DynamodbStreamRecord> alerts = stream.await(CasesStream.ALERT_INSERTS, 2, WAIT);

        StreamsEventResponse response = handler.handleRequest(CasesStream.event(alerts), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publishedAlertIds()).containsExactlyInAnyOrder(
                alertId(reference, "kz-75-commission"), alertId(reference, "ngo-shelter-almaty"));
        assertThat(alertItems(reference)).allSatisfy(item -> {
            assertThat(item).containsKeys("publishedAt", "messageId").doesNotContainKey("claimedUntil");
        });
    }

    @Test
    void theSameBatchDeliveredAgainPublishesNothingMore() {
        submit(Submissions.victimInAlmaty());
        DynamodbEvent batch = CasesStream.event(stream.await(CasesStream.ALERT_INSERTS, 2, WAIT));
        handler.handleRequest(batch, null);

        StreamsEventResponse again = handler.handleRequest(batch, null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).hasSize(2);
    }

    @Test
    void aPublicationThatFailsIsReportedAndTheNextDeliveryPublishesItOnce() {
        Reference reference = submit(Submissions.victimInAlmaty());
        List<DynamodbEvent.DynamodbStreamRecord> alerts = stream.await(CasesStream.ALERT_INSERTS, 2, WAIT);
        publisher.failNext(1);

        StreamsEventResponse first = handler.handleRequest(CasesStream.event(alerts), null);

        String failedSequence = alerts.getFirst().getDynamodb().getSequenceNumber();
        assertThat(first.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(failedSequence);
        assertThat(publisher.published()).hasSize(1);
        assertThat(alertItems(reference)).filteredOn(item -> !item.containsKey("publishedAt")).singleElement()
                .satisfies(unpublished -> assertThat(unpublished).doesNotContainKey("claimedUntil"));

        // Lambda (ReportBatchItemFailures) delivers again from the failed record on
        StreamsEventResponse retry = handler.handleRequest(CasesStream.event(from(alerts, failedSequence)), null);

        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(publishedAlertIds()).containsExactlyInAnyOrder(
                alertId(reference, "kz-75-commission"), alertId(reference, "ngo-shelter-almaty"));
    }

    @Test
    void recordsThatAreNotAlertInsertsPublishNothing() {
        Reference reference = submit(Submissions.victimInAlmaty());
        stream.await(CasesStream.ALERT_INSERTS, 2, WAIT);
        // unfiltered: the report, the idempotency record and the alerts
        handler.handleRequest(CasesStream.event(stream.records()), null);
        assertThat(publisher.published()).hasSize(2);

        // now the stream also holds the claims and publications of both alerts (MODIFY records) after the four
        // inserts: report, two alerts, idempotency record
        List<DynamodbEvent.DynamodbStreamRecord> everything = stream.await(r -> true, 4 + 2 + 2, WAIT);
        assertThat(everything).extracting(DynamodbEvent.DynamodbStreamRecord::getEventName).contains("MODIFY");
        StreamsEventResponse response = handler.handleRequest(CasesStream.event(everything), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publishedAlertIds()).containsExactlyInAnyOrder(
                alertId(reference, "kz-75-commission"), alertId(reference, "ngo-shelter-almaty"));
    }

    @Test
    void aBatchWithTheAlertsOfSeveralReportsPublishesEachToItsOrganisation() throws Exception {
        Reference victim = submit(Submissions.victimInAlmaty());
        Reference tip = submit(Submissions.witnessTip(new RegionCode("KZ-71"), Category.BEGGING));
        Reference unknown = submit(Submissions.with(Submissions.witnessTip(RegionCode.UNKNOWN, Category.OTHER),
                true, false, false, false));

        handler.handleRequest(CasesStream.event(stream.await(CasesStream.ALERT_INSERTS, 5, WAIT)), null);

        assertThat(publishedAlertIds()).containsExactlyInAnyOrder(
                alertId(victim, "kz-75-commission"), alertId(victim, "ngo-shelter-almaty"),
                alertId(tip, "kz-71-commission"),
                alertId(unknown, "national-secretariat"), alertId(unknown, "police-att-liaison"));
        ObjectMapper json = new ObjectMapper();
        for (AlertMessage message : publisher.published()) {
            assertThat(message.topicSuffix()).isEqualTo(message.alert().organisationId());
            assertThat(json.readTree(message.toJson()).path("alertId").asText()).isEqualTo(message.alert().alertId());
            assertThat(AlertMessageSchema.violations(message.toJson())).isEmpty();
        }
    }

    /**
     * Records that fail are reported one by one: an outbox item this version cannot read (here a category a later
     * version added, written during a rolling deploy) is reported alone, and the readable alerts behind it in the
     * batch go out at once instead of waiting for Lambda to bisect a failed batch.
     */
    @Test
    void anAlertItemThatCannotBeReadIsReportedAloneAndTheAlertsBehindItArePublished() {
        Reference unreadable = Reference.random(RANDOM);
        Map<String, AttributeValue> item = new HashMap<>(AlertItems.toItem(Alert.of(unreadable,
                "kz-75-commission", new RegionCode("KZ-75"), Category.OTHER, Severity.HIGH, Instant.now())));
        item.put("category", AttributeValue.fromS("debt_bondage"));
        engine.client().putItem(r -> r.tableName(tables.cases()).item(item));
        Reference reference = submit(Submissions.victimInAlmaty());
        List<DynamodbEvent.DynamodbStreamRecord> batch = stream.await(CasesStream.ALERT_INSERTS, 3, WAIT);

        StreamsEventResponse response = handler.handleRequest(CasesStream.event(batch), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.getFirst().getDynamodb().getSequenceNumber());
        assertThat(publishedAlertIds()).containsExactlyInAnyOrder(
                alertId(reference, "kz-75-commission"), alertId(reference, "ngo-shelter-almaty"));
    }

    @Test
    void theStreamPollerOfTheLocalRunnerRetriesAFailedPublicationUntilItIsOut() {
        Reference reference = submit(Submissions.victimInAlmaty());
        publisher.failNext(2);
        DynamoDbStreamPoller.Settings settings = DynamoDbStreamPoller.Settings.defaults()
                .withFilter(CasesStream.ALERT_INSERTS)
                .withPollInterval(Duration.ofMillis(50))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));

        try (DynamoDbStreamPoller poller = DynamoDbStreamPoller.start(engine.client(), engine.streamsClient(),
                tables.cases(), settings, event -> handler.handleRequest(event, null))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (publisher.published().size() < 2 && System.nanoTime() < deadline) {
                sleep(50);
            }
            sleep(300); // a duplicate would show up now
        }

        assertThat(publishedAlertIds()).containsExactlyInAnyOrder(
                alertId(reference, "kz-75-commission"), alertId(reference, "ngo-shelter-almaty"));
    }

    @Test
    void theTemplatesFilterIsTheOneTheseTestsApply() throws Exception {
        String pattern = SamTemplate.load().functionProperties("AlertDispatcherFunction")
                .at("/Events/AlertOutbox/Properties/FilterCriteria/Filters/0/Pattern").asText();

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(pattern)).isEqualTo(json.readTree(CasesStream.ALERT_INSERTS_PATTERN));
    }

    private Reference submit(ReportSubmission submission) {
        return ((Accepted) submitReport.submit(new IdempotencyKey("stream-" + UUID.randomUUID()), submission))
                .reference();
    }

    private static String alertId(Reference reference, String organisationId) {
        return Alert.of(reference, organisationId, RegionCode.UNKNOWN, Category.OTHER, Severity.LOW, Instant.EPOCH)
                .alertId();
    }

    private List<String> publishedAlertIds() {
        return publisher.published().stream().map(message -> message.alert().alertId()).toList();
    }

    private List<Map<String, AttributeValue>> alertItems(Reference reference) {
        return engine.client().query(r -> r.tableName(tables.cases()).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :alert)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS("CASE#" + reference.value()),
                                ":alert", AttributeValue.fromS("ALERT#"))))
                .items();
    }

    private static List<DynamodbEvent.DynamodbStreamRecord> from(List<DynamodbEvent.DynamodbStreamRecord> records,
            String sequenceNumber) {
        List<DynamodbEvent.DynamodbStreamRecord> rest = new ArrayList<>();
        boolean found = false;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            found |= record.getDynamodb().getSequenceNumber().equals(sequenceNumber);
            if (found) {
                rest.add(record);
            }
        }
        return rest;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
