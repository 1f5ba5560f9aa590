package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.ReporterRole;
import kz.senim.cases.Severity;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;
import kz.senim.i18n.Language;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.SubmissionOutcome;
import kz.senim.intake.SubmitReport;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.TestReceipts;
import kz.senim.testing.UrgencyWords;
import kz.senim.triage.Triage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A report that alerts everyone it can (a child, a foreign victim, police consent, immediate danger), its narrative
 * and locality unique words: in every alert language, every part of every alert message (the v1 JSON, the SMS, the
 * e-mail's subject and body) names the case and none carries what the reporter wrote or the receipt.
 */
class AlertTextsCarryNothingOfTheReportTest {

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryReports reports = new InMemoryReports(clock);
    private final FixedDirectory seeded = FixedDirectory.seeded();
    private final SubmitReport submitReport = new SubmitReport(reports, new Triage(seeded),
            new SafetyAdvice(RegionCatalogue.load(), seeded), TestReceipts.hasher(), random, clock);

    @ParameterizedTest
    @EnumSource(Language.class)
    void no_part_of_any_alert_carries_the_narrative_the_locality_or_the_receipt(Language language) {
        String narrative = "narrative-" + UUID.randomUUID();
        String locality = "locality-" + UUID.randomUUID();
        ReportSubmission everything = ReportSubmission.of(ReporterRole.VICTIM, Category.SEXUAL_EXPLOITATION,
                new RegionCode("KZ-75"), Optional.of(locality), true, true, true, true,
                "They hold us in a basement: " + narrative, Language.UZ);
        SubmissionOutcome.Accepted accepted = (SubmissionOutcome.Accepted) submitReport.submit(
                new IdempotencyKey(UUID.randomUUID().toString()), everything);
        AlertComposer composer = new AlertComposer(everyoneIn(language),
                new AlertWording(RegionCatalogue.load(), Optional.of("https://console.senim.example/")));

        List<Alert> alerts = reports.alerts();
        assertThat(alerts).extracting(Alert::organisationId).contains("kz-75-commission", "police-att-liaison",
                "ngo-children", "ngo-foreign-nationals", "ngo-shelter-almaty");
        for (Alert alert : alerts) {
            AlertMessage message = composer.compose(alert,
                    Optional.of("http://localhost:8080/v1/ack/7Q2K9M4DXW3PHN7C"));
            List<String> parts = List.of(message.toJson(), message.structuredJson(), message.texts().sms(),
                    message.texts().emailSubject(), message.texts().emailBody());
            assertThat(message.texts().sms()).as("written in %s", language)
                    .contains(UrgencyWords.of(language, Severity.CRITICAL));
            for (String part : parts) {
                assertThat(part).as(alert.organisationId()).contains(accepted.reference().value())
                        .doesNotContain(narrative, locality, accepted.receipt().value(), "basement");
            }
        }
    }

    /** The seeded directory, every organisation alerted in {@code language}. */
    private static FixedDirectory everyoneIn(Language language) {
        return new FixedDirectory(DirectoryData.seed().stream().map(o -> new Organisation(o.id(), o.type(), o.names(),
                o.regions(), o.categories(), o.alertWhen(), o.publicPhone(), o.services(), o.escalation(), language))
                .toList());
    }
}
