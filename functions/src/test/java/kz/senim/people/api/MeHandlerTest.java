package kz.senim.people.api;

import static kz.senim.testing.CaseWorld.ALMATY_NATIONAL_ROLE;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.StaffEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kz.senim.access.Caller;
import kz.senim.access.Role;
import kz.senim.people.DescribeCaller;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;

class MeHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-me.json";

    private final CaseWorld world = new CaseWorld();
    private final MeHandler handler = new MeHandler(new DescribeCaller(world.people, world.directory, world.access,
            RegionCatalogue.load()));

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return StaffEvents.conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void the_fixtures_coordinator_is_described_with_the_organisation_named_in_russian() {
        APIGatewayV2HTTPResponse response = ask(StaffEvents.load(FIXTURE));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.path("personId").asText()).isEqualTo("person-dana");
        assertThat(me.path("name").asText()).isEqualTo("Name of person-dana");
        assertThat(me.path("organisationId").asText()).isEqualTo("kz-75-commission");
        assertThat(me.path("organisationName").asText())
                .isEqualTo("Региональная комиссия по противодействию торговле людьми (Алматы)");
        assertThat(me.path("organisationType").asText()).isEqualTo("regional_commission");
        assertThat(me.path("role").asText()).isEqualTo("coordinator");
        assertThat(me.path("national").asBoolean()).isFalse();
        assertThat(me.path("regions")).extracting(JsonNode::asText).containsExactly("KZ-75");
    }

    @Test
    void names_follow_accept_language_and_the_national_secretariat_sees_every_region() {
        APIGatewayV2HTTPEvent event = StaffEvents.header(StaffEvents.as(StaffEvents.load(FIXTURE),
                NATIONAL_COORDINATOR), "Accept-Language", "kk");

        JsonNode me = json(ask(event));

        assertThat(me.path("organisationName").asText())
                .isEqualTo("Адам саудасына қарсы іс-қимыл жөніндегі ведомствоаралық комиссияның хатшылығы");
        assertThat(me.path("organisationType").asText()).isEqualTo("national_secretariat");
        assertThat(me.path("national").asBoolean()).isTrue();
        assertThat(me.path("regions")).hasSize(21);
        assertThat(me.path("regions").get(20).asText()).isEqualTo("unknown");
    }

    @Test
    void uzbek_falls_back_as_the_directory_does_and_english_is_english() {
        JsonNode uz = json(ask(StaffEvents.header(StaffEvents.load(FIXTURE), "Accept-Language", "uz")));
        JsonNode en = json(ask(StaffEvents.header(StaffEvents.load(FIXTURE), "Accept-Language", "en")));

        assertThat(uz.path("organisationName").asText())
                .isEqualTo(world.directory.organisation("kz-75-commission").orElseThrow()
                        .name(kz.senim.i18n.Language.UZ));
        assertThat(en.path("organisationName").asText())
                .isEqualTo("Regional commission on combating trafficking in human beings (Almaty)");
    }

    @Test
    void a_national_role_outside_the_secretariat_is_told_it_has_no_national_scope() {
        JsonNode me = json(ask(StaffEvents.as(StaffEvents.load(FIXTURE), ALMATY_NATIONAL_ROLE)));

        assertThat(me.path("role").asText()).isEqualTo("national_coordinator");
        assertThat(me.path("national").asBoolean()).isFalse();
        assertThat(me.path("regions")).extracting(JsonNode::asText).containsExactly("KZ-75");
    }

    @Test
    void an_organisation_outside_the_directory_is_403_and_no_claims_is_401() {
        APIGatewayV2HTTPResponse stranger = ask(StaffEvents.as(StaffEvents.load(FIXTURE),
                new Caller("person-x", "dissolved-ngo", Role.COORDINATOR)));
        APIGatewayV2HTTPResponse anonymous = ask(StaffEvents.anonymous(StaffEvents.load(FIXTURE)));

        assertThat(stranger.getStatusCode()).isEqualTo(403);
        assertThat(json(stranger).path("code").asText()).isEqualTo("forbidden");
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
    }
}
