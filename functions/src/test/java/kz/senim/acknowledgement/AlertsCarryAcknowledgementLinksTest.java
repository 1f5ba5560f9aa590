package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Optional;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.cases.StorageUnavailable;
import kz.senim.i18n.Language;
import kz.senim.testing.InMemoryAlertClaims;
import kz.senim.testing.InMemoryIssuedLinks;
import kz.senim.testing.MutableClock;
import kz.senim.testing.RecordingAlertPublisher;
import org.junit.jupiter.api.Test;

/** The dispatcher puts a fresh acknowledgement link in every alert message, and the message keeps to schema v1. */
class AlertsCarryAcknowledgementLinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/dev";

    private final MutableClock clock = MutableClock.atNoon();
    private final RecordingAlertPublisher publisher = new RecordingAlertPublisher();
    private final InMemoryIssuedLinks issued = new InMemoryIssuedLinks();
    private final AcknowledgementLinks links = new AcknowledgementLinks(issued, clock, new SecureRandom(),
            AcknowledgementLinks.VALIDITY);
    private final Alert alert = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission",
            new RegionCode("KZ-75"), Category.FORCED_LABOUR, Severity.CRITICAL, clock.instant());

    @Test
    void the_message_links_to_a_one_time_acknowledgement_of_its_alert() throws IOException {
        DispatchAlerts dispatch = new DispatchAlerts(InMemoryAlertClaims.withOutbox(alert), publisher, clock,
                links.urlsUnder(BASE, organisation -> Language.RU));

        assertThat(dispatch.dispatch(alert)).isEqualTo(new DispatchAlerts.Outcome.Published("message-1", true));

        AlertMessage message = publisher.published().getFirst();
        String url = message.acknowledgeUrl().orElseThrow();
        assertThat(url).startsWith(BASE + "/v1/ack/");
        assertThat(links.resolve(url.substring((BASE + "/v1/ack/").length())).orElseThrow().alertId())
                .isEqualTo(alert.alertId());
        JsonNode json = JSON.readTree(message.toJson());
        assertThat(json.path("acknowledgeUrl").asText()).isEqualTo(url);
        assertThat(message.texts().sms()).contains(url);
        assertThat(message.texts().emailBody()).contains(url);
        assertThat(schema().validate(message.toJson(), InputFormat.JSON)).isEmpty();
        assertThat(message.summary()).contains(alert.reference().value()).doesNotContain(url);
    }

    @Test
    void an_escalation_page_gets_a_link_to_itself() {
        Alert page = new Alert(alert.reference().value() + ".national-secretariat.e2", alert.reference(),
                "national-secretariat", alert.region(), alert.category(), alert.severity(), clock.instant());

        new DispatchAlerts(InMemoryAlertClaims.withOutbox(page), publisher, clock, links.urlsUnder(BASE,
                organisation -> organisation.equals("national-secretariat") ? Language.KK : Language.RU))
                .dispatch(page);

        String url = publisher.published().getFirst().acknowledgeUrl().orElseThrow();
        assertThat(links.resolve(url.substring(url.lastIndexOf('/') + 1))).hasValueSatisfying(link -> {
            assertThat(link.alertId()).isEqualTo(page.alertId());
            assertThat(link.language()).as("the paged organisation's language").contains(Language.KK);
        });
    }

    @Test
    void when_no_link_can_be_kept_the_alert_still_goes_out_without_one() throws IOException {
        AcknowledgementLinks storageDown = new AcknowledgementLinks(new IssuedLinks() {
            @Override
            public boolean save(IssuedLink link) {
                throw new StorageUnavailable("test: cases table down", null);
            }

            @Override
            public Optional<IssuedLink> find(String idHash) {
                throw new StorageUnavailable("test: cases table down", null);
            }
        }, clock, new SecureRandom(), AcknowledgementLinks.VALIDITY);
        DispatchAlerts dispatch = new DispatchAlerts(InMemoryAlertClaims.withOutbox(alert), publisher, clock,
                storageDown.urlsUnder(BASE, organisation -> Language.RU));

        assertThat(dispatch.dispatch(alert)).isEqualTo(new DispatchAlerts.Outcome.Published("message-1", false));
        JsonNode json = JSON.readTree(publisher.published().getFirst().toJson());
        assertThat(json.path("alertId").asText()).isEqualTo(alert.alertId());
        assertThat(json.has("acknowledgeUrl")).isFalse();
        assertThat(publisher.published().getFirst().texts().sms()).contains(alert.reference().value())
                .doesNotContain("/v1/ack/");
    }

    @Test
    void without_links_the_message_is_the_v1_baseline() {
        new DispatchAlerts(InMemoryAlertClaims.withOutbox(alert), publisher, clock).dispatch(alert);

        assertThat(publisher.published().getFirst().acknowledgeUrl()).isEmpty();
        assertThat(publisher.published().getFirst().toJson()).contains(alert.alertId())
                .doesNotContain("acknowledgeUrl");
    }

    @Test
    void the_schema_refuses_an_acknowledge_url_that_is_not_a_web_address() throws IOException {
        String message = new AlertMessage(alert, java.util.Optional.of("javascript:alert(1)")).toJson();

        assertThat(schema().validate(message, InputFormat.JSON)).isNotEmpty();
    }

    private static Schema schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
        try (InputStream in = AlertMessage.class.getResourceAsStream("alert-message.v1.schema.json")) {
            return registry.getSchema(in);
        }
    }
}
