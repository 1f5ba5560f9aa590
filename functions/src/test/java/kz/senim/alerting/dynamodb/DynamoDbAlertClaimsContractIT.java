package kz.senim.alerting.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kz.senim.alerting.AlertClaims;
import kz.senim.alerting.AlertClaimsContract;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalCasesTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link AlertClaimsContract} against {@link DynamoDbAlertClaims} on DynamoDB Local: the conditional update on the
 * alert's own outbox item; and where the lease and the publication are kept on that item.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DynamoDbAlertClaimsContractIT extends AlertClaimsContract {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbAlertClaims claims;

    @BeforeEach
    void freshTable(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
        claims = new DynamoDbAlertClaims(dynamoDb, table);
    }

    @Override
    protected AlertClaims claims() {
        return claims;
    }

    @Override
    protected Alert inOutbox(Alert alert) {
        return LocalCasesTable.putAlert(dynamoDb, table, alert);
    }

    @Test
    void theLeaseIsKeptOnTheOutboxItemInEpochMillisAndPublishingReplacesIt() {
        Alert alert = inOutbox(Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission",
                new RegionCode("KZ-75"), Category.BEGGING, Severity.LOW, NOON));

        claims.claim(alert, NOON, Duration.ofSeconds(60));
        assertThat(item(alert).get("claimedUntil").n()).isEqualTo(Long.toString(NOON.plusSeconds(60).toEpochMilli()));
        claims.markPublished(alert, "message-1", NOON.plusSeconds(1));

        Map<String, AttributeValue> published = item(alert);
        assertThat(published).doesNotContainKey("claimedUntil");
        assertThat(published.get("publishedAt").s()).isEqualTo(NOON.plusSeconds(1).toString());
        assertThat(published.get("messageId").s()).isEqualTo("message-1");
    }

    @Test
    void aReleaseRemovesTheLeaseAndAClaimOfAMissingAlertCreatesNoItem() {
        Alert alert = inOutbox(Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission",
                new RegionCode("KZ-75"), Category.BEGGING, Severity.LOW, NOON));
        Alert missing = Alert.of(new Reference("SN-7Q2K-9M4D-XW3Q"), "kz-75-commission", new RegionCode("KZ-75"),
                Category.BEGGING, Severity.LOW, NOON);
        claims.claim(alert, NOON, Duration.ofSeconds(60));
        assertThat(item(alert)).containsKey("claimedUntil");

        claims.release(alert);
        assertThatThrownBy(() -> claims.claim(missing, NOON, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(item(alert)).containsKey("kind").doesNotContainKey("claimedUntil");
        assertThat(item(missing)).isEmpty();
    }

    private Map<String, AttributeValue> item(Alert alert) {
        return LocalCasesTable.item(dynamoDb, table, AlertItems.key(alert).get("pk").s(),
                AlertItems.key(alert).get("sk").s());
    }
}
