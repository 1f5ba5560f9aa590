package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.alerting.DispatchAlerts.Dispatched;
import kz.senim.alerting.DispatchAlerts.Outcome;
import kz.senim.alerting.dynamodb.DynamoDbAlertClaims;
import kz.senim.alerting.dynamodb.DynamoDbUnpublishedAlerts;
import kz.senim.alerting.sns.SnsAlertPublisher;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.intake.SubmitReport;
import kz.senim.intake.dynamodb.DynamoDbReports;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.local.engines.SnsEmulatorExtension;
import kz.senim.local.engines.SnsEngine;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.AlertQueues;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.MarksThatNeverLand;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestReceipts;
import kz.senim.testing.TestTables;
import kz.senim.triage.Triage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Faults on the real engines (DynamoDB Local, the fauxqs emulator): SNS refusing connections, then back; a dispatcher
 * that crashes after its claim, or after SNS took the message but before the mark. Every alert is published, and
 * never twice within a lease.
 */
@ExtendWith({DynamoDbLocalExtension.class, SnsEmulatorExtension.class})
@Timeout(120)
class AlertFaultsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final MutableClock clock = MutableClock.atNoon();
    private DynamoDbEngine db;
    private String topicArnPrefix;
    private TestTables tables;
    private SubmitReport submitReport;
    private DynamoDbAlertClaims claims;
    private AlertQueues queues;
    private SnsAlertPublisher publisher;

    @BeforeEach
    void wire(DynamoDbEngine db, SnsEngine sns) {
        this.db = db;
        String topicPrefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-alerts-";
        topicArnPrefix = sns.topicArnPrefix() + topicPrefix;
        tables = TestTables.create(db);
        FixedDirectory directory = FixedDirectory.seeded();
        submitReport = new SubmitReport(new DynamoDbReports(db.client(), tables.cases(), clock,
                TestContent.writes(db.client(), tables.caseKeys())), new Triage(directory),
                new SafetyAdvice(RegionCatalogue.load(), directory), TestReceipts.hasher(), RANDOM, clock);
        claims = new DynamoDbAlertClaims(db.client(), tables.cases());
        queues = new AlertQueues(sns, topicPrefix);
        publisher = new SnsAlertPublisher(sns.sns(), topicArnPrefix);
    }

    @Test
    void withSnsRefusingConnectionsNothingIsLostAndOnceItIsBackEveryAlertIsPublishedExactlyOnce() throws Exception {
        String astana = queues.subscribe("kz-71-commission");
        String almaty = queues.subscribe("kz-75-commission");
        String shelter = queues.subscribe("ngo-shelter-almaty");
        List<Alert> outbox = new ArrayList<>();
        outbox.addAll(submit(Submissions.victimInAlmaty()));
        outbox.addAll(submit(Submissions.witnessTip(new RegionCode("KZ-71"), Category.BEGGING)));
        assertThat(outbox).hasSize(3);
        try (SnsClient refusing = refusingSns()) {
            DispatchAlerts down = new DispatchAlerts(claims, new SnsAlertPublisher(refusing, topicArnPrefix), clock);

            List<Dispatched> tried = down.dispatchAll(outbox);

            assertThat(tried).allSatisfy(d -> assertThat(d.outcome()).isInstanceOf(Outcome.NotDelivered.class));
            clock.advance(SweepAlerts.SWEEP_AFTER.plusSeconds(1));
            SweepAlerts sweepWhileDown = new SweepAlerts(new DynamoDbUnpublishedAlerts(db.client(), tables.cases()),
                    down, clock);
            assertThat(sweepWhileDown.run(Duration.ofSeconds(30)).dispatched()).hasSize(3)
                    .allSatisfy(d -> assertThat(d.outcome()).isInstanceOf(Outcome.NotDelivered.class));
        }
        for (Alert alert : outbox) {
            Map<String, AttributeValue> item = item(alert);
            assertThat(item).doesNotContainKeys("publishedAt", "claimedUntil").containsKey(AlertItems.UNPUBLISHED_PK);
            assertThat(item.get("attempts").n()).isEqualTo("2");
            assertThat(item.get("lastErrorClass").s()).startsWith("software.amazon.awssdk.");
        }

        SweepAlerts sweep = sweep(new DispatchAlerts(claims, publisher, clock));
        assertThat(sweep.run(Duration.ofSeconds(30)).dispatched()).hasSize(3)
                .allSatisfy(d -> assertThat(d.outcome()).isInstanceOf(Outcome.Published.class));
        assertThat(sweep.run(Duration.ofSeconds(30)).dispatched()).as("nothing left unpublished").isEmpty();

        assertThat(outbox).extracting(Alert::organisationId)
                .containsExactly("kz-75-commission", "ngo-shelter-almaty", "kz-71-commission");
        assertThat(AlertQueues.countByAlertId(queues.drain(almaty, 1, PATIENCE, QUIET)))
                .isEqualTo(Map.of(outbox.get(0).alertId(), 1));
        assertThat(AlertQueues.countByAlertId(queues.drain(shelter, 1, PATIENCE, QUIET)))
                .isEqualTo(Map.of(outbox.get(1).alertId(), 1));
        assertThat(AlertQueues.countByAlertId(queues.drain(astana, 1, PATIENCE, QUIET)))
                .isEqualTo(Map.of(outbox.get(2).alertId(), 1));
    }

    @Test
    void aDispatcherThatCrashedAfterItsClaimHoldsTheAlertForTheLeaseThenTheSweeperPublishesItOnce() {
        String queue = queues.subscribe("kz-71-commission");
        Alert alert = submit(Submissions.witnessTip(new RegionCode("KZ-71"), Category.BEGGING)).getFirst();
        claims.claim(alert, clock.instant(), DispatchAlerts.LEASE); // ... and then the dispatcher died
        DispatchAlerts dispatch = new DispatchAlerts(claims, publisher, clock);

        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatch.dispatch(alert)).isInstanceOf(Outcome.Deferred.class);
        assertThat(sweep(dispatch).run(Duration.ofSeconds(30)).dispatched()).as("not due yet").isEmpty();
        clock.advance(DispatchAlerts.LEASE);
        SweepAlerts.Sweep swept = sweep(dispatch).run(Duration.ofSeconds(30));

        assertThat(swept.dispatched()).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isInstanceOf(Outcome.Published.class));
        assertThat(AlertQueues.countByAlertId(queues.drain(queue, 1, PATIENCE, QUIET)))
                .isEqualTo(Map.of(alert.alertId(), 1));
    }

    @Test
    void aDispatcherThatCrashedBetweenPublishAndMarkPagesNobodyAgainWithinTheLeaseAndTheRepeatCarriesTheSameId() {
        String queue = queues.subscribe("kz-71-commission");
        Alert alert = submit(Submissions.witnessTip(new RegionCode("KZ-71"), Category.BEGGING)).getFirst();
        DispatchAlerts crashing = new DispatchAlerts(new MarksThatNeverLand(claims), publisher, clock);
        DispatchAlerts healthy = new DispatchAlerts(claims, publisher, clock);

        assertThat(crashing.dispatch(alert)).isInstanceOf(Outcome.PublishedNotMarked.class);
        clock.advance(DispatchAlerts.LEASE.minusSeconds(1));
        assertThat(healthy.dispatch(alert)).as("a redelivered stream record").isInstanceOf(Outcome.Deferred.class);
        List<Message> withinTheLease = queues.drain(queue, 1, PATIENCE, QUIET);
        assertThat(AlertQueues.alertIds(withinTheLease)).containsExactly(alert.alertId());

        clock.advance(Duration.ofSeconds(2));
        assertThat(sweep(healthy).run(Duration.ofSeconds(30)).dispatched()).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isInstanceOf(Outcome.Published.class));
        List<Message> afterTheLease = queues.drain(queue, 1, PATIENCE, QUIET);
        assertThat(AlertQueues.alertIds(afterTheLease)).as("the repeat carries the same de-duplication key")
                .containsExactly(alert.alertId());
        assertThat(AlertQueues.defaultJson(afterTheLease.getFirst()).path("alertId").asText())
                .isEqualTo(alert.alertId());
        assertThat(item(alert)).containsKey("publishedAt").doesNotContainKey(AlertItems.UNPUBLISHED_PK);
        assertThat(sweep(healthy).run(Duration.ofSeconds(30)).dispatched()).isEmpty();
    }

    private SweepAlerts sweep(DispatchAlerts dispatch) {
        return new SweepAlerts(new DynamoDbUnpublishedAlerts(db.client(), tables.cases()), dispatch, clock);
    }

    /** Submits the report and returns its alerts as the outbox holds them, in the order of their organisations. */
    private List<Alert> submit(kz.senim.cases.ReportSubmission submission) {
        Reference reference = ((Accepted) submitReport.submit(new IdempotencyKey("fault-" + UUID.randomUUID()),
                submission)).reference();
        return db.client().queryPaginator(r -> r.tableName(tables.cases()).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :alert)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CASE#" + reference.value()),
                                ":alert", AttributeValue.fromS("ALERT#"))))
                .items().stream().map(AlertItems::fromItem)
                .sorted(java.util.Comparator.comparing(Alert::organisationId)).toList();
    }

    private Map<String, AttributeValue> item(Alert alert) {
        return db.client().getItem(r -> r.tableName(tables.cases()).key(AlertItems.key(alert)).consistentRead(true))
                .item();
    }

    /** An SNS client for an endpoint where nothing listens: every call is a refused connection. */
    private static SnsClient refusingSns() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return SnsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(software.amazon.awssdk.regions.Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
