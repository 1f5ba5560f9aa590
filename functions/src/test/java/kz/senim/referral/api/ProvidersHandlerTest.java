package kz.senim.referral.api;

import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.StaffEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kz.senim.referral.FindProviders;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvidersHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-providers.json";

    private final ProvidersHandler handler = new ProvidersHandler(new FindProviders(FixedDirectory.seeded()),
            RegionCatalogue.load());

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return StaffEvents.conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void legal_aid_in_almaty_lists_the_almaty_shelter_then_the_national_providers_in_russian_order() {
        APIGatewayV2HTTPResponse response = ask(StaffEvents.load(FIXTURE));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("service").asText()).isEqualTo("legal");
        assertThat(body.path("region").asText()).isEqualTo("KZ-75");
        assertThat(body.path("providers").findValuesAsText("organisationId"))
                .containsExactly("ngo-shelter-almaty", "ngo-foreign-nationals", "ngo-children");
        JsonNode shelter = body.path("providers").get(0);
        assertThat(shelter.path("name").asText()).isEqualTo("Приют НПО для пострадавших от торговли людьми, Алматы");
        assertThat(shelter.path("services")).extracting(JsonNode::asText)
                .containsExactly("legal", "medical", "psychological", "shelter");
        assertThat(shelter.path("national").asBoolean()).isFalse();
        assertThat(body.path("providers").get(1).path("name").asText())
                .isEqualTo("НПО поддержки иностранных граждан и трудовых мигрантов");
        assertThat(body.path("providers").get(1).path("national").asBoolean()).isTrue();
    }

    @Test
    void any_signed_in_role_may_ask() {
        assertThat(ask(StaffEvents.as(StaffEvents.load(FIXTURE), ALMATY_RESPONDER)).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"service,counselling", "service,", "region,KZ-99", "region,almaty", "region,"})
    void a_service_or_region_that_is_not_one_is_400_naming_it(String parameter, String value) {
        APIGatewayV2HTTPResponse response = ask(StaffEvents.query(StaffEvents.load(FIXTURE), parameter,
                value == null ? "" : value));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo(parameter);
    }

    @Test
    void both_parameters_are_required() {
        APIGatewayV2HTTPResponse response = ask(StaffEvents.query(StaffEvents.load(FIXTURE), "region", null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("code").asText()).isEqualTo("missing_field");
        assertThat(json(response).path("field").asText()).isEqualTo("region");
    }
}
