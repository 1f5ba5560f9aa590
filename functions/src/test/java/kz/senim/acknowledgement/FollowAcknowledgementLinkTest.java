package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.acknowledgement.AcknowledgeAlert.Outcome;
import kz.senim.acknowledgement.FollowAcknowledgementLink.Preview;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.escalation.EscalateAlerts;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAlerts;
import kz.senim.i18n.Language;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryIssuedLinks;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowAcknowledgementLinkTest {

    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);
    private final AcknowledgementLinks links = new AcknowledgementLinks(new InMemoryIssuedLinks(), clock,
            new SecureRandom(), AcknowledgementLinks.VALIDITY);
    private final AcknowledgeAlert acknowledgeAlert = new AcknowledgeAlert(alerts, cases, new CaseAccess(FixedDirectory.seeded()), clock);
    private final FollowAcknowledgementLink follow = new FollowAcknowledgementLink(links, alerts, acknowledgeAlert);
    private Alert commission;
    private String token;

    @BeforeEach
    void the_commission_was_alerted_with_a_link() {
        Instant submittedAt = clock.instant();
        cases.add(CaseFiles.receivedInAlmaty(REFERENCE.value(), submittedAt));
        commission = alerts.add(Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.HIGH, submittedAt));
        token = links.issue(commission.alertId(), Language.KK);
        clock.advance(Duration.ofMinutes(4));
    }

    @Test
    void looking_at_a_link_shows_the_alert_and_changes_nothing() {
        for (int previews = 0; previews < 3; previews++) {
            assertThat(follow.preview(token))
                    .isEqualTo(new Preview.Ready(commission, false, Optional.of(Language.KK)));
        }

        assertThat(alerts.state(commission.alertId()).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(alerts.spentLinks()).isEmpty();
        assertThat(cases.find(REFERENCE).orElseThrow().version()).isEqualTo(1);
        assertThat(audit.entries(REFERENCE)).isEmpty();
    }

    @Test
    void the_link_acknowledges_for_the_alerted_organisation() {
        FollowAcknowledgementLink.Used used = follow.acknowledge(token);

        assertThat(used.outcome()).isEqualTo(new Outcome.Acknowledged(commission.alertId(), REFERENCE,
                "kz-75-commission", clock.instant(), true));
        assertThat(used.language()).contains(Language.KK);
        assertThat(cases.find(REFERENCE).orElseThrow().status()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(cases.find(REFERENCE).orElseThrow().takenBy()).contains("kz-75-commission");
        assertThat(audit.entries(REFERENCE)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(new Actor.LinkHolder("kz-75-commission")));
        assertThat(alerts.spentLinks()).hasSize(1);
    }

    @Test
    void a_link_works_once() {
        follow.acknowledge(token);

        assertThat(follow.acknowledge(token).outcome()).isEqualTo(new Outcome.LinkUsed());
        assertThat(follow.preview(token)).isEqualTo(new Preview.LinkUsed(Optional.of(Language.KK)));
        assertThat(audit.entries(REFERENCE)).hasSize(1);
    }

    @Test
    void another_link_of_an_acknowledged_alert_answers_already_acknowledged_once() {
        String second = links.issue(commission.alertId(), Language.RU);
        follow.acknowledge(token);

        assertThat(follow.preview(second)).isEqualTo(new Preview.Ready(commission, true, Optional.of(Language.RU)));
        assertThat(follow.acknowledge(second).outcome()).isInstanceOf(Outcome.AlreadyAcknowledged.class);
        assertThat(follow.acknowledge(second).outcome()).isEqualTo(new Outcome.LinkUsed());
    }

    @Test
    void the_link_of_an_alert_acknowledged_in_the_app_answers_already_acknowledged() {
        acknowledgeAlert.byCaller(commission.alertId(), new Caller("aigerim", "kz-75-commission", Role.RESPONDER));

        assertThat(follow.acknowledge(token).outcome()).isInstanceOfSatisfying(Outcome.AlreadyAcknowledged.class,
                already -> assertThat(already.acknowledgedBy()).contains("kz-75-commission"));
        assertThat(audit.entries(REFERENCE)).hasSize(1);
    }

    @Test
    void the_link_of_a_page_acknowledges_its_chain() {
        clock.advance(Duration.ofMinutes(10));
        new EscalateAlerts(alerts, cases, FixedDirectory.seeded(), clock).run();
        Alert page = alerts.pages().getFirst();

        Outcome outcome = follow.acknowledge(links.issue(page.alertId(), Language.KK)).outcome();

        assertThat(outcome).isInstanceOf(Outcome.Acknowledged.class);
        assertThat(alerts.state(commission.alertId()).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(alerts.state(page.alertId()).acknowledgedAt()).contains(clock.instant());
        assertThat(alerts.isInPendingIndex(commission.alertId())).isFalse();
    }

    @Test
    void a_changed_or_expired_link_is_invalid_and_changes_nothing() {
        String changed = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(follow.preview(changed)).isEqualTo(new Preview.LinkInvalid());
        assertThat(follow.acknowledge(changed).outcome()).isEqualTo(new Outcome.LinkInvalid());
        clock.advance(Duration.ofHours(24));
        assertThat(follow.preview(token)).isEqualTo(new Preview.LinkInvalid());
        assertThat(follow.acknowledge(token).outcome()).isEqualTo(new Outcome.LinkInvalid());
        assertThat(alerts.state(commission.alertId()).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(audit.entries(REFERENCE)).isEmpty();
    }

    @Test
    void a_valid_link_to_an_alert_that_does_not_exist_is_invalid() {
        String stray = links.issue(REFERENCE.value() + ".police-att-liaison", Language.RU);

        assertThat(follow.preview(stray)).isEqualTo(new Preview.LinkInvalid());
        assertThat(follow.acknowledge(stray).outcome()).isEqualTo(new Outcome.LinkInvalid());
    }
}
