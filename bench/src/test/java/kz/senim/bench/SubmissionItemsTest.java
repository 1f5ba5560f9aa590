package kz.senim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class SubmissionItemsTest {

    private static final String REFERENCE = "SN-7Q2K-9M4D-XW3P";
    private static final String KEY_HASH = "a".repeat(64);

    private static final SubmissionItems CAPTURED = new SubmissionItems(
            Map.of("pk", s("CASE#" + REFERENCE), "sk", s("REPORT"), "reference", s(REFERENCE),
                    "gsi1sk", s("2026-12-02T10:00:00Z#" + REFERENCE), "version", AttributeValue.fromN("1"),
                    "involvedOrganisations", AttributeValue.fromSs(List.of("kz-75-commission"))),
            List.of(Map.of("pk", s("CASE#" + REFERENCE), "sk", s("ALERT#kz-75-commission"),
                    "alertId", s(REFERENCE + ".kz-75-commission"))),
            Map.of("pk", s("IDEMPOTENCY#" + KEY_HASH), "sk", s("IDEMPOTENCY"), "reference", s(REFERENCE),
                    "expiresAt", AttributeValue.fromN("1796300000")),
            REFERENCE, KEY_HASH);

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    void freshItemsAreTheSameItemsForANewReferenceAndKey() {
        SubmissionItems fresh = CAPTURED.fresh();

        assertThat(fresh.reference()).matches("SN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").isNotEqualTo(REFERENCE);
        assertThat(fresh.keyHash()).hasSize(64).isNotEqualTo(KEY_HASH);
        assertThat(fresh.report().get("pk").s()).isEqualTo("CASE#" + fresh.reference());
        assertThat(fresh.report().get("gsi1sk").s()).isEqualTo("2026-12-02T10:00:00Z#" + fresh.reference());
        assertThat(fresh.alerts().getFirst().get("alertId").s()).isEqualTo(fresh.reference() + ".kz-75-commission");
        assertThat(fresh.idempotency().get("pk").s()).isEqualTo("IDEMPOTENCY#" + fresh.keyHash());
        assertThat(fresh.report().get("version")).isEqualTo(AttributeValue.fromN("1"));
        assertThat(fresh.report().get("involvedOrganisations").ss()).containsExactly("kz-75-commission");
        assertThat(fresh.all().toString()).doesNotContain(REFERENCE).doesNotContain(KEY_HASH);
        assertThat(fresh.all()).hasSize(CAPTURED.size()).hasSize(3);
    }

    @Test
    void theTransactionPutsEveryItemWithTheConditionsSenimWritesThemWith() {
        List<TransactWriteItem> writes = CAPTURED.transaction("floor", 1796200000L);

        assertThat(writes).hasSize(3);
        assertThat(writes).allSatisfy(write -> assertThat(write.put().tableName()).isEqualTo("floor"));
        assertThat(writes.get(0).put().conditionExpression()).isEqualTo("attribute_not_exists(#pk)");
        assertThat(writes.get(1).put().item().get("sk").s()).isEqualTo("ALERT#kz-75-commission");
        assertThat(writes.get(2).put().conditionExpression())
                .isEqualTo("attribute_not_exists(#pk) OR #expiresAt <= :now");
        assertThat(writes.get(2).put().expressionAttributeValues().get(":now").n()).isEqualTo("1796200000");
    }
}
