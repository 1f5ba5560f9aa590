package kz.senim.overview.api;

import static kz.senim.testing.StaffEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.directory.DirectoryData;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.MutableClock;
import kz.senim.testing.StaffEvents;
import kz.senim.testing.StoredCases;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestTables;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /v1/overview} as Lambda builds it (through {@link Wiring}), on DynamoDB Local. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class OverviewHandlerIT {

    @Test
    void the_secretariat_sees_the_open_cases_and_waiting_alerts_of_each_region_and_the_read_is_audited(
            DynamoDbEngine engine) {
        MutableClock clock = MutableClock.atNoon();
        TestTables tables = TestTables.create(engine);
        Wiring wiring = LocalWiring.against(engine, null, Map.of(Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory()), clock);
        wiring.directorySeeder().seed(DirectoryData.seed());
        StoredCases stored = new StoredCases(engine.client(), tables.cases(), clock);
        Instant early = clock.instant().minusSeconds(3_600);
        stored.store(Submissions.victimInAlmaty(), CaseStatus.RECEIVED, Severity.HIGH, early, "kz-75-commission",
                "ngo-shelter-almaty");
        stored.store(Submissions.victimInAlmaty(), CaseStatus.CLOSED, Severity.LOW, early.minusSeconds(60));
        stored.store(Submissions.witnessTip(RegionCode.UNKNOWN, Category.OTHER), CaseStatus.RECEIVED, Severity.LOW,
                early.plusSeconds(60), "national-secretariat");

        APIGatewayV2HTTPResponse response = new OverviewHandler(wiring).handleRequest(
                StaffEvents.load("events/apigw-v2-overview.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode regions = json(response).path("regions");
        assertThat(regions).hasSize(21);
        JsonNode almaty = regions.findParents("region").stream()
                .filter(r -> r.path("region").asText().equals("KZ-75")).findFirst().orElseThrow();
        assertThat(almaty.path("openCases").asLong()).isEqualTo(1);
        assertThat(almaty.path("unacknowledgedAlerts").asLong()).isEqualTo(2);
        assertThat(almaty.path("oldestUnacknowledgedAt").asText()).isEqualTo(early.toString());
        JsonNode unknown = regions.get(20);
        assertThat(unknown.path("openCases").asLong()).isEqualTo(1);
        assertThat(unknown.path("unacknowledgedAlerts").asLong()).isEqualTo(1);
        assertThat(response.getBody()).doesNotContain(Submissions.narrative(Submissions.victimInAlmaty()));
        assertThat(new DynamoDbAuditTrail(engine.client(), tables.cases())
                .figuresReads(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .singleElement().satisfies(read -> assertThat(read.action()).isEqualTo("overview_read"));
    }
}
