package kz.senim.acknowledgement.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import kz.senim.acknowledgement.AcknowledgementLinks;
import kz.senim.acknowledgement.IssuedLinks;
import kz.senim.acknowledgement.IssuedLinksContract;
import kz.senim.i18n.Language;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalCasesTable;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Issued links on DynamoDB Local: the contract the in-memory fake keeps too, and what the item holds. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DynamoDbIssuedLinksIT extends IssuedLinksContract {

    private DynamoDbClient dynamoDb;
    private String table;

    @BeforeEach
    void a_fresh_cases_table(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = LocalCasesTable.create(engine);
    }

    @Override
    protected IssuedLinks links() {
        return new DynamoDbIssuedLinks(dynamoDb, table);
    }

    @Test
    void the_item_keeps_the_hash_of_the_id_never_the_id_and_expires_by_ttl() throws Exception {
        MutableClock clock = MutableClock.atNoon();
        AcknowledgementLinks links = new AcknowledgementLinks(links(), clock, new SecureRandom(),
                AcknowledgementLinks.VALIDITY);

        String id = links.issue("SN-7Q2K-9M4D-XW3P.kz-75-commission", Language.RU);

        Map<String, AttributeValue> item = dynamoDb.scan(r -> r.tableName(table)).items().stream()
                .filter(i -> i.get("pk").s().startsWith("ACKLINK#")).findFirst().orElseThrow();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("senim-ack-link/v2:" + id).getBytes(StandardCharsets.UTF_8)));
        assertThat(item.get("pk").s()).isEqualTo("ACKLINK#" + hash);
        assertThat(item.get("sk").s()).isEqualTo("LINK");
        assertThat(item.get("kind").s()).isEqualTo("ACKLINK");
        assertThat(item.get("alertId").s()).isEqualTo("SN-7Q2K-9M4D-XW3P.kz-75-commission");
        assertThat(item.get("language").s()).isEqualTo("ru");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(clock.instant().plus(AcknowledgementLinks.VALIDITY).getEpochSecond());
        assertThat(Instant.parse(item.get("issuedAt").s())).isEqualTo(clock.instant());
        assertThat(item.toString()).doesNotContain(id);
        assertThat(links.resolve(id)).hasValueSatisfying(link -> assertThat(link.linkId()).isEqualTo(hash));
    }
}
