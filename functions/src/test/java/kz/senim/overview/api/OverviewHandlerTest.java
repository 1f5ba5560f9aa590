package kz.senim.overview.api;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_NATIONAL_ROLE;
import static kz.senim.testing.StaffEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import kz.senim.cases.RegionCode;
import kz.senim.cases.StorageUnavailable;
import kz.senim.overview.Figures;
import kz.senim.overview.ShowOverview;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.StaffEvents;
import org.junit.jupiter.api.Test;

class OverviewHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-overview.json";
    private static final Instant WAITING_SINCE = Instant.parse("2026-11-23T06:12:40.551Z");

    private final CaseWorld world = new CaseWorld();

    private OverviewHandler handler(Figures figures) {
        return new OverviewHandler(new ShowOverview(figures, RegionCatalogue.load(), world.access, world.audit,
                world.clock));
    }

    private final Figures almatyWaits = new Figures() {
        @Override
        public long openCases(RegionCode region) {
            return region.value().equals("KZ-75") ? 12 : 0;
        }

        @Override
        public List<UnacknowledgedAlert> unacknowledgedAlerts() {
            return List.of(new UnacknowledgedAlert(new RegionCode("KZ-75"), WAITING_SINCE));
        }
    };

    private APIGatewayV2HTTPResponse ask(Figures figures, APIGatewayV2HTTPEvent event) {
        return StaffEvents.conforming(event, handler(figures).handleRequest(event, null));
    }

    @Test
    void the_secretariat_gets_every_region_with_null_where_nothing_waits() {
        APIGatewayV2HTTPResponse response = ask(almatyWaits, StaffEvents.load(FIXTURE));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("generatedAt").asText()).isEqualTo(world.clock.instant().toString());
        assertThat(body.path("regions")).hasSize(21);
        JsonNode almaty = body.path("regions").findParents("region").stream()
                .filter(r -> r.path("region").asText().equals("KZ-75")).findFirst().orElseThrow();
        assertThat(almaty.path("openCases").asLong()).isEqualTo(12);
        assertThat(almaty.path("unacknowledgedAlerts").asLong()).isEqualTo(1);
        assertThat(almaty.path("oldestUnacknowledgedAt").asText()).isEqualTo(WAITING_SINCE.toString());
        JsonNode unknown = body.path("regions").get(20);
        assertThat(unknown.path("region").asText()).isEqualTo("unknown");
        assertThat(unknown.has("oldestUnacknowledgedAt")).isTrue();
        assertThat(unknown.path("oldestUnacknowledgedAt").isNull()).isTrue();
        assertThat(world.audit.figuresReads(LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC))).hasSize(1);
    }

    @Test
    void a_coordinator_or_a_national_role_outside_the_secretariat_is_403() {
        for (var caller : new kz.senim.access.Caller[] {ALMATY_COORDINATOR, ALMATY_NATIONAL_ROLE}) {
            APIGatewayV2HTTPResponse response = ask(almatyWaits, StaffEvents.as(StaffEvents.load(FIXTURE), caller));

            assertThat(response.getStatusCode()).as(caller.personId()).isEqualTo(403);
            assertThat(json(response).path("code").asText()).isEqualTo("forbidden");
        }
    }

    @Test
    void figures_out_of_reach_are_503() {
        Figures unavailable = new Figures() {
            @Override
            public long openCases(RegionCode region) {
                throw new StorageUnavailable("cases table unavailable", null);
            }

            @Override
            public List<UnacknowledgedAlert> unacknowledgedAlerts() {
                throw new StorageUnavailable("cases table unavailable", null);
            }
        };

        APIGatewayV2HTTPResponse response = ask(unavailable, StaffEvents.load(FIXTURE));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(json(response).path("code").asText()).isEqualTo("service_unavailable");
    }
}
