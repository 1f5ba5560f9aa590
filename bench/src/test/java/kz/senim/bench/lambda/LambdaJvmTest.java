package kz.senim.bench.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LambdaJvmTest {

    @Test
    void anItemSurvivesTheWayToTheBareJvm() {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("CASE#SN-7Q2K-9M4D-XW3P"),
                "narrative", AttributeValue.fromS("Забрали паспорт; a:b,c"),
                "version", AttributeValue.fromN("3"),
                "immediateDanger", AttributeValue.fromBool(false),
                "involvedOrganisations", AttributeValue.fromSs(List.of("kz-75-commission", "ngo-foreign-nationals")));

        assertThat(LambdaJvm.decodeItem(LambdaJvm.encodeItem(item))).isEqualTo(item);
    }

    @Test
    void anAttributeTheBenchCannotCarryIsNamed() {
        Map<String, AttributeValue> item = Map.of("details", AttributeValue.fromM(Map.of()));

        assertThatThrownBy(() -> LambdaJvm.encodeItem(item)).hasMessageContaining("details");
    }
}
