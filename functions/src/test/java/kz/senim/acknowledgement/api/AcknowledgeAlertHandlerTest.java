package kz.senim.acknowledgement.api;

import static kz.senim.acknowledgement.api.AckEvents.conforming;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import kz.senim.access.CaseAccess;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.acknowledgement.AlertAddress;
import kz.senim.acknowledgement.AlertState;
import kz.senim.acknowledgement.AlertStatus;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.cases.StorageUnavailable;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAlerts;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcknowledgeAlertHandlerTest {

    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");
    private static final String ALERT_ID = "SN-7Q2K-9M4D-XW3P.kz-75-commission";

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);
    private final AcknowledgeAlertHandler handler =
            new AcknowledgeAlertHandler(new AcknowledgeAlert(alerts, cases, new CaseAccess(FixedDirectory.seeded()), clock));

    @BeforeEach
    void the_commission_was_alerted() {
        cases.add(CaseFiles.receivedInAlmaty(REFERENCE.value(), clock.instant()));
        alerts.add(Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.FORCED_LABOUR,
                Severity.HIGH, clock.instant()));
        clock.advance(Duration.ofSeconds(200));
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void a_responder_of_the_alerted_organisation_acknowledges_and_takes_the_case() {
        APIGatewayV2HTTPResponse response = send(AckEvents.acknowledge(ALERT_ID));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(AckEvents.headers(response)).containsEntry("Cache-Control", "no-store")
                .containsEntry("Content-Type", "application/json; charset=utf-8");
        JsonNode body = AckEvents.json(response);
        assertThat(body.path("alertId").asText()).isEqualTo(ALERT_ID);
        assertThat(body.path("reference").asText()).isEqualTo(REFERENCE.value());
        assertThat(body.path("status").asText()).isEqualTo("acknowledged");
        assertThat(body.path("acknowledgedAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(body.path("acknowledgedBy").asText()).isEqualTo("kz-75-commission");
        assertThat(body.path("alreadyAcknowledged").asBoolean()).isFalse();
        assertThat(cases.find(REFERENCE).orElseThrow().status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    }

    @Test
    void acknowledging_again_answers_200_already_acknowledged() {
        send(AckEvents.acknowledge(ALERT_ID));
        clock.advance(Duration.ofMinutes(1));

        APIGatewayV2HTTPResponse again = send(AckEvents.acknowledge(ALERT_ID));

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(AckEvents.json(again).path("alreadyAcknowledged").asBoolean()).isTrue();
        assertThat(AckEvents.json(again).path("acknowledgedAt").asText())
                .isEqualTo(clock.instant().minus(Duration.ofMinutes(1)).toString());
        assertThat(audit.entries(REFERENCE)).hasSize(1);
    }

    @Test
    void without_a_signed_in_caller_it_answers_401() {
        APIGatewayV2HTTPEvent event = AckEvents.acknowledge(ALERT_ID);
        event.getRequestContext().setAuthorizer(null);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(AckEvents.json(response).path("code").asText()).isEqualTo("unauthorized");
        assertThat(alerts.state(ALERT_ID).status()).isEqualTo(AlertStatus.PENDING);
    }

    @Test
    void another_organisations_alert_is_answered_like_an_unknown_one_in_the_callers_language() {
        APIGatewayV2HTTPResponse foreign = send(AckEvents.withClaims(AckEvents.acknowledge(ALERT_ID), "asel",
                "kz-71-commission", "coordinator"));
        APIGatewayV2HTTPResponse unknown = send(AckEvents.acknowledge("SN-7Q2K-9M4D-XW3P.police-att-liaison"));

        assertThat(foreign.getStatusCode()).isEqualTo(404);
        assertThat(foreign.getBody()).isEqualTo(unknown.getBody());
        assertThat(AckEvents.json(foreign).path("code").asText()).isEqualTo("not_found");
        assertThat(AckEvents.json(foreign).path("detail").asText())
                .isEqualTo("Оповещение с таким идентификатором не найдено.");
        assertThat(alerts.state(ALERT_ID).status()).isEqualTo(AlertStatus.PENDING);
    }

    @Test
    void a_national_coordinator_may_acknowledge() {
        APIGatewayV2HTTPResponse response = send(AckEvents.withClaims(AckEvents.acknowledge(ALERT_ID), "marat",
                "national-secretariat", "national_coordinator"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(AckEvents.json(response).path("acknowledgedBy").asText()).isEqualTo("national-secretariat");
    }

    @Test
    void storage_out_of_reach_answers_503_to_retry() {
        Acknowledgements unavailable = new Acknowledgements() {
            @Override
            public Optional<AlertState> find(AlertAddress address) {
                throw new StorageUnavailable("test: storage unavailable", null);
            }

            @Override
            public SaveOutcome save(Acknowledgement acknowledgement) {
                throw new StorageUnavailable("test: storage unavailable", null);
            }

            @Override
            public boolean spend(LinkUse link, java.time.Instant at) {
                throw new StorageUnavailable("test: storage unavailable", null);
            }

            @Override
            public boolean isSpent(String linkId) {
                throw new StorageUnavailable("test: storage unavailable", null);
            }
        };
        AcknowledgeAlertHandler failing = new AcknowledgeAlertHandler(new AcknowledgeAlert(unavailable, cases, new CaseAccess(FixedDirectory.seeded()), clock));
        APIGatewayV2HTTPEvent event = AckEvents.acknowledge(ALERT_ID);

        APIGatewayV2HTTPResponse response = conforming(event, failing.handleRequest(event, null));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(AckEvents.headers(response)).containsKey("Retry-After");
        assertThat(AckEvents.json(response).path("detail").asText()).contains("оповещение ещё не подтверждено");
    }
}
