package kz.senim.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import kz.senim.testing.TestReceipts;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Severity;
import kz.senim.cases.StorageUnavailable;
import kz.senim.intake.SafetyInformation.ContactKind;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.intake.SubmissionOutcome.KeyReused;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.triage.Triage;
import org.junit.jupiter.api.Test;

class SubmitReportTest {

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryReports reports = new InMemoryReports(clock);
    private final ReceiptHasher hasher = TestReceipts.hasher();
    private final SubmitReport submitReport = new SubmitReport(reports, new Triage(FixedDirectory.seeded()),
            new SafetyAdvice(RegionCatalogue.load(), FixedDirectory.seeded()), hasher, random, clock);
    private final IdempotencyKey key = new IdempotencyKey("3f2b1c9e-5d4a-4e8b-9c7d-0a1b2c3d4e5f");

    @Test
    void an_accepted_report_is_stored_with_its_alerts_and_answers_with_reference_and_receipt() {
        Accepted accepted = (Accepted) submitReport.submit(key, Submissions.victimInAlmaty());

        assertThat(accepted.reference().value()).matches("SN(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(accepted.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(accepted.replayed()).isFalse();
        assertThat(reports.reports()).singleElement().satisfies(report -> {
            assertThat(report.reference()).isEqualTo(accepted.reference());
            assertThat(report.severity()).isEqualTo(Severity.MEDIUM);
        });
        assertThat(reports.alerts()).extracting(Alert::organisationId)
                .containsExactlyInAnyOrder("kz-75-commission", "ngo-shelter-almaty");
        assertThat(reports.alerts()).allSatisfy(alert -> assertThat(alert.reference()).isEqualTo(accepted.reference()));
    }

    @Test
    void only_a_keyed_hash_of_the_receipt_is_stored() {
        Accepted accepted = (Accepted) submitReport.submit(key, Submissions.victimInAlmaty());

        String stored = reports.reports().getFirst().receiptHash();
        assertThat(stored).startsWith("hmac-sha256$v1$").doesNotContain(accepted.receipt().value());
        assertThat(hasher.matches(accepted.receipt(), stored)).isTrue();
    }

    @Test
    void a_retry_with_the_same_key_and_body_returns_the_first_answer_and_stores_nothing_new() {
        Accepted first = (Accepted) submitReport.submit(key, Submissions.victimInAlmaty());
        Accepted retry = (Accepted) submitReport.submit(key, Submissions.victimInAlmaty());

        assertThat(retry.reference()).isEqualTo(first.reference());
        assertThat(retry.receipt()).isEqualTo(first.receipt());
        assertThat(retry.replayed()).isTrue();
        assertThat(reports.reports()).hasSize(1);
        assertThat(reports.alerts()).hasSize(2);
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_stores_nothing() {
        submitReport.submit(key, Submissions.victimInAlmaty());

        var other = Submissions.with(Submissions.victimInAlmaty(), true, false, false, false);
        assertThat(submitReport.submit(key, other)).isInstanceOf(KeyReused.class);
        assertThat(reports.reports()).hasSize(1);
    }

    @Test
    void a_key_past_its_replay_window_starts_a_new_report() {
        Accepted first = (Accepted) submitReport.submit(key, Submissions.victimInAlmaty());
        clock.advance(SubmitReport.REPLAY_WINDOW.plus(Duration.ofMinutes(1)));

        Accepted later = (Accepted) submitReport.submit(key, Submissions.victimInAlmaty());

        assertThat(later.reference()).isNotEqualTo(first.reference());
        assertThat(reports.reports()).hasSize(2);
    }

    @Test
    void safety_information_is_in_the_reporters_language_with_emergency_police_and_regional_contacts() {
        Accepted accepted = (Accepted) submitReport.submit(key, Submissions.victimInAlmaty());

        SafetyInformation safety = accepted.safety();
        assertThat(safety.message()).contains("112").contains("Если");
        assertThat(safety.contacts()).extracting(SafetyInformation.Contact::kind)
                .containsExactly(ContactKind.EMERGENCY, ContactKind.POLICE, ContactKind.HOTLINE, ContactKind.REGIONAL);
        assertThat(safety.contacts()).extracting(SafetyInformation.Contact::number).contains("112", "102");
        assertThat(safety.contacts().getLast().label()).contains("Алматы");
    }

    @Test
    void nothing_is_half_written_when_storage_is_unavailable() {
        reports.unavailable(true);

        assertThatThrownBy(() -> submitReport.submit(key, Submissions.victimInAlmaty()))
                .isInstanceOf(StorageUnavailable.class);
        reports.unavailable(false);
        assertThat(reports.reports()).isEmpty();
        assertThat(reports.alerts()).isEmpty();
        assertThat(submitReport.submit(key, Submissions.victimInAlmaty())).as("the retry")
                .isInstanceOf(Accepted.class);
        assertThat(reports.reports()).hasSize(1);
    }

    @Test
    void a_receipt_sealed_for_replay_opens_only_with_the_raw_idempotency_key() {
        ReceiptSeal seal = new ReceiptSeal(random);
        Receipt receipt = Receipt.random(random);

        String sealed = seal.seal(receipt, key);

        assertThat(sealed).doesNotContain(receipt.value());
        assertThat(seal.open(sealed, key)).contains(receipt);
        assertThat(seal.open(sealed, new IdempotencyKey("another-key-0123456789"))).isEqualTo(Optional.empty());
    }
}
