package kz.senim.escalation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Duration;
import java.util.Map;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.escalation.EscalateAlerts;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAlerts;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.Test;

class EscalateAlertsHandlerTest {

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);
    private final EscalateAlertsHandler handler = new EscalateAlertsHandler(
            new EscalateAlerts(alerts, cases, FixedDirectory.seeded(), clock));

    @Test
    void each_scheduled_run_escalates_what_is_due_and_says_how_much() {
        Reference reference = new Reference("SN-7Q2K-9M4D-XW3P");
        cases.add(CaseFiles.receivedInAlmaty(reference.value(), clock.instant()));
        alerts.add(Alert.of(reference, "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.LOW, clock.instant()));
        Map<String, Object> event = EventLoader.loadEvent("events/eventbridge-escalate-alerts.json", Map.class);

        assertThat(handler.handleRequest(event, null))
                .isEqualTo(Map.of("pending", 1, "escalated", 0, "stopped", 0, "failed", 0));
        clock.advance(Duration.ofMinutes(10));
        assertThat(handler.handleRequest(event, null))
                .isEqualTo(Map.of("pending", 1, "escalated", 1, "stopped", 0, "failed", 0));
        assertThat(handler.handleRequest(Map.of(), null))
                .isEqualTo(Map.of("pending", 1, "escalated", 0, "stopped", 0, "failed", 0));
        assertThat(alerts.pages()).hasSize(1);
    }
}
