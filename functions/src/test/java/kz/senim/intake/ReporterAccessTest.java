package kz.senim.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.i18n.Language;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.triage.Triage;
import org.junit.jupiter.api.Test;

class ReporterAccessTest {

    private final SecureRandom random = new SecureRandom();
    private final InMemoryReports reports = new InMemoryReports();
    private final ReceiptHasher hasher = new ReceiptHasher(1_000, random);
    private final ReporterAccess check = new ReporterAccess(reports, hasher);
    private final Accepted accepted = (Accepted) new SubmitReport(reports, new Triage(FixedDirectory.seeded()),
            new SafetyAdvice(RegionCatalogue.load(), FixedDirectory.seeded()), hasher, random, MutableClock.atNoon())
            .submit(new IdempotencyKey("key-for-status-check-0001"), Submissions.victimInAlmaty());

    @Test
    void the_reporter_sees_the_status_with_reference_and_receipt() {
        StatusOutcome outcome = check.check(accepted.reference().value(), accepted.receipt().value());

        assertThat(outcome).isEqualTo(new StatusOutcome.Found(accepted.reference(), CaseStatus.RECEIVED, Language.RU));
    }

    @Test
    void a_receipt_typed_by_hand_in_lower_case_with_spaces_still_works() {
        String typed = accepted.receipt().value().toLowerCase().replace("-", " ");

        assertThat(check.check(accepted.reference().value().toLowerCase(), typed))
                .isInstanceOf(StatusOutcome.Found.class);
    }

    @Test
    void a_wrong_receipt_and_an_unknown_reference_look_the_same() {
        String wrongReceipt = Receipt.random(random).value();

        assertThat(check.check(accepted.reference().value(), wrongReceipt)).isEqualTo(new StatusOutcome.NotFound());
        assertThat(check.check("SN-0000-0000-0000", accepted.receipt().value())).isEqualTo(new StatusOutcome.NotFound());
        assertThat(check.check("not a reference", accepted.receipt().value())).isEqualTo(new StatusOutcome.NotFound());
        assertThat(check.check(accepted.reference().value(), "garbage")).isEqualTo(new StatusOutcome.NotFound());
    }
}
