package kz.senim.alerting.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.senim.alerting.AlertClaims.ClaimOutcome;
import kz.senim.alerting.AlertClaims.Settled;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbAlertClaims} on DynamoDB Local: the conditional update that keeps an alert from going out twice. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class AlertClaimsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LEASE = Duration.ofSeconds(60);

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbAlertClaims claims;
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = TestTables.create(engine).cases();
        claims = new DynamoDbAlertClaims(dynamoDb, table);
    }

    @Test
    void theFirstClaimTakesTheAlert() {
        Alert alert = storedAlert();

        assertThat(claims.claim(alert, now, LEASE)).isEqualTo(new ClaimOutcome.Claimed());
        assertThat(item(alert).get("claimedUntil").n()).isEqualTo(Long.toString(now.plus(LEASE).toEpochMilli()));
    }

    @Test
    void aSecondClaimWithinTheLeaseIsHeldByAnotherUntilTheLeaseEnds() {
        Alert alert = storedAlert();
        claims.claim(alert, now, LEASE);

        assertThat(claims.claim(alert, now.plusSeconds(59), LEASE))
                .isEqualTo(new ClaimOutcome.HeldByAnother(now.plus(LEASE)));
    }

    @Test
    void aPublishedAlertIsNeverClaimedAgain() {
        Alert alert = storedAlert();
        claims.claim(alert, now, LEASE);
        claims.markPublished(alert, "message-1", now.plusSeconds(1));

        assertThat(claims.claim(alert, now.plusSeconds(2), LEASE)).isEqualTo(new ClaimOutcome.AlreadyPublished());
        assertThat(claims.claim(alert, now.plus(Duration.ofDays(1)), LEASE))
                .isEqualTo(new ClaimOutcome.AlreadyPublished());
        Map<String, AttributeValue> stored = item(alert);
        assertThat(stored).doesNotContainKey("claimedUntil");
        assertThat(stored.get("publishedAt").s()).isEqualTo(now.plusSeconds(1).toString());
        assertThat(stored.get("messageId").s()).isEqualTo("message-1");
    }

    @Test
    void aReleasedAlertCanBeClaimedAgainAtOnce() {
        Alert alert = storedAlert();
        claims.claim(alert, now, LEASE);

        claims.release(alert);

        assertThat(item(alert)).doesNotContainKey("claimedUntil");
        assertThat(claims.claim(alert, now.plusSeconds(1), LEASE)).isEqualTo(new ClaimOutcome.Claimed());
    }

    @Test
    void releasingAPublishedAlertLeavesItPublished() {
        Alert alert = storedAlert();
        claims.claim(alert, now, LEASE);
        claims.markPublished(alert, "message-1", now);

        claims.release(alert);

        assertThat(claims.claim(alert, now.plusSeconds(1), LEASE)).isEqualTo(new ClaimOutcome.AlreadyPublished());
    }

    @Test
    void anExpiredLeaseCanBeClaimedByTheNextDispatcher() {
        Alert alert = storedAlert();
        claims.claim(alert, now, LEASE);

        assertThat(claims.claim(alert, now.plus(LEASE).plusMillis(1), LEASE)).isEqualTo(new ClaimOutcome.Claimed());
        assertThat(claims.claim(alert, now.plus(LEASE).plusSeconds(1), LEASE))
                .isEqualTo(new ClaimOutcome.HeldByAnother(now.plus(LEASE).plusMillis(1).plus(LEASE)));
    }

    @Test
    void claimsOfDifferentAlertsOfOneReportAreIndependent() {
        Reference reference = Reference.random(RANDOM);
        Alert commission = store(Alert.of(reference, "kz-75-commission", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.MEDIUM, now));
        Alert shelter = store(Alert.of(reference, "ngo-shelter-almaty", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.MEDIUM, now));

        assertThat(claims.claim(commission, now, LEASE)).isEqualTo(new ClaimOutcome.Claimed());
        assertThat(claims.claim(shelter, now, LEASE)).isEqualTo(new ClaimOutcome.Claimed());
    }

    @Test
    void ofManyDispatchersRacingForOneAlertExactlyOneClaimsIt() throws Exception {
        Alert alert = storedAlert();
        List<Callable<ClaimOutcome>> racers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            racers.add(() -> claims.claim(alert, now, LEASE));
        }
        List<ClaimOutcome> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<ClaimOutcome> outcome : threads.invokeAll(racers, 30, TimeUnit.SECONDS)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(o -> o instanceof ClaimOutcome.Claimed).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ClaimOutcome.HeldByAnother).hasSize(11);
    }

    @Test
    void anAlertMissingFromTheOutboxCannotBeClaimed() {
        Alert neverStored = Alert.of(Reference.random(RANDOM), "kz-75-commission", new RegionCode("KZ-75"),
                Category.BEGGING, Severity.LOW, now);

        assertThatThrownBy(() -> claims.claim(neverStored, now, LEASE)).isInstanceOf(IllegalStateException.class);
        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(AlertItems.key(neverStored))).hasItem()).isFalse();
    }

    @Test
    void theAlertsOfABatchAreClaimedTogetherAndOnePublishedAndOneHeldAreToldApart() {
        Reference reference = Reference.random(RANDOM);
        Alert free = store(Alert.of(reference, "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.HIGH, now));
        Alert published = store(Alert.of(reference, "ngo-shelter-almaty", new RegionCode("KZ-75"),
                Category.BEGGING, Severity.HIGH, now));
        Alert held = store(Alert.of(reference, "police-att-liaison", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.HIGH, now));
        Alert alsoFree = store(Alert.of(reference, "ngo-foreign-nationals", new RegionCode("KZ-75"),
                Category.BEGGING, Severity.HIGH, now));
        claims.claim(published, now, LEASE);
        claims.markPublished(published, "message-0", now);
        claims.claim(held, now, LEASE);

        List<ClaimOutcome> outcomes = claims.claimAll(List.of(free, published, held, alsoFree), now.plusSeconds(1),
                LEASE);

        assertThat(outcomes).containsExactly(new ClaimOutcome.Claimed(), new ClaimOutcome.AlreadyPublished(),
                new ClaimOutcome.HeldByAnother(now.plus(LEASE)), new ClaimOutcome.Claimed());
        assertThat(item(free).get("claimedUntil").n()).isEqualTo(Long.toString(now.plusSeconds(1).plus(LEASE)
                .toEpochMilli()));
        assertThat(item(free).get("attempts").n()).isEqualTo("1");
        assertThat(item(held).get("attempts").n()).as("a claim that failed is no attempt").isEqualTo("1");
        assertThat(item(alsoFree)).containsKey("claimedUntil");
    }

    @Test
    void theMarksOfABatchTakeEachAlertOutOfTheUnpublishedIndexWithHowItWentOut() {
        Reference reference = Reference.random(RANDOM);
        Alert page = store(Alert.of(reference, "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.HIGH, now));
        Alert counted = store(Alert.of(reference, "ngo-shelter-almaty", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.HIGH, now));
        assertThat(item(page)).containsEntry(AlertItems.UNPUBLISHED_PK, AttributeValue.fromS("UNPUBLISHED"));
        claims.claimAll(List.of(page, counted), now, LEASE);

        claims.markAll(List.of(new Settled.Published(page, "message-1", now, true),
                new Settled.Coalesced(counted, "SN-XXXX-XXXX-XXXX.kz-75-commission", now)));

        assertThat(item(page)).doesNotContainKeys("claimedUntil", AlertItems.UNPUBLISHED_PK, AlertItems.UNPUBLISHED_SK)
                .containsEntry("deliveredAs", AttributeValue.fromS("digest"))
                .containsEntry("messageId", AttributeValue.fromS("message-1"));
        assertThat(item(counted)).doesNotContainKeys("claimedUntil", "publishedAt", AlertItems.UNPUBLISHED_PK)
                .containsEntry("coalescedInto", AttributeValue.fromS("SN-XXXX-XXXX-XXXX.kz-75-commission"));
        assertThat(claims.claim(counted, now.plus(Duration.ofDays(1)), LEASE))
                .isEqualTo(new ClaimOutcome.AlreadyPublished());
        assertThat(AlertItems.delivery(item(counted)).state()).isEqualTo(kz.senim.cases.CaseAlerts.Delivery.State.COALESCED);
        assertThat(AlertItems.delivery(item(page)).state()).isEqualTo(kz.senim.cases.CaseAlerts.Delivery.State.PUBLISHED);
    }

    @Test
    void aFailedAttemptGivesTheClaimBackAndLeavesItsClassOnTheAlertForTheCaseView() {
        Alert alert = storedAlert();
        claims.claim(alert, now, LEASE);

        claims.fail(alert, "software.amazon.awssdk.core.exception.SdkClientException", now.plusSeconds(1));

        Map<String, AttributeValue> stored = item(alert);
        assertThat(stored).doesNotContainKey("claimedUntil")
                .containsEntry("lastErrorClass", AttributeValue.fromS("software.amazon.awssdk.core.exception.SdkClientException"));
        kz.senim.cases.CaseAlerts.Delivery delivery = AlertItems.delivery(stored);
        assertThat(delivery.state()).isEqualTo(kz.senim.cases.CaseAlerts.Delivery.State.FAILING);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(claims.claim(alert, now.plusSeconds(2), LEASE)).isEqualTo(new ClaimOutcome.Claimed());
        assertThat(AlertItems.delivery(item(alert)).attempts()).isEqualTo(2);
    }

    @Test
    void aBatchOfAlertsIsClaimedInOneWriteAndMarkedInAnother(DynamoDbEngine engine) {
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DynamoDbClient counted = DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(engine.region())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(
                        new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(
                                    software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                    software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                                requests.add(context.request().getClass().getSimpleName());
                            }
                        }))
                .build()) {
            DynamoDbAlertClaims countedClaims = new DynamoDbAlertClaims(counted, table);
            Reference reference = Reference.random(RANDOM);
            List<Alert> alerts = new ArrayList<>();
            for (String organisation : List.of("kz-75-commission", "ngo-shelter-almaty", "police-att-liaison")) {
                alerts.add(store(Alert.of(reference, organisation, new RegionCode("KZ-75"), Category.BEGGING,
                        Severity.CRITICAL, now)));
            }

            assertThat(countedClaims.claimAll(alerts, now, LEASE)).containsOnly(new ClaimOutcome.Claimed());
            countedClaims.markAll(alerts.stream().map(a -> (Settled) new Settled.Published(a, "m-" + a.alertId(),
                    now, false)).toList());

            assertThat(requests).containsExactly("TransactWriteItemsRequest", "TransactWriteItemsRequest");
            assertThat(alerts).allSatisfy(a -> assertThat(item(a)).containsKey("publishedAt"));
        }
    }

    private Alert storedAlert() {
        return store(Alert.of(Reference.random(RANDOM), "kz-75-commission", new RegionCode("KZ-75"),
                Category.SEXUAL_EXPLOITATION, Severity.HIGH, now));
    }

    private Alert store(Alert alert) {
        dynamoDb.putItem(r -> r.tableName(table).item(AlertItems.toItem(alert)));
        return alert;
    }

    private Map<String, AttributeValue> item(Alert alert) {
        return dynamoDb.getItem(r -> r.tableName(table).key(AlertItems.key(alert)).consistentRead(true)).item();
    }
}
