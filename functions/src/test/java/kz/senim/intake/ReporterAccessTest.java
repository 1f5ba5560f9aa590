package kz.senim.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.i18n.Language;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestReceipts;
import kz.senim.triage.Triage;
import org.junit.jupiter.api.Test;

class ReporterAccessTest {

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryReports reports = new InMemoryReports(clock);
    private final CountingHasher hasher = new CountingHasher(TestReceipts.hasher());
    private final ReporterAccess check = new ReporterAccess(reports, hasher);
    private final Accepted accepted = (Accepted) new SubmitReport(reports, new Triage(FixedDirectory.seeded()),
            new SafetyAdvice(RegionCatalogue.load(), FixedDirectory.seeded()), hasher, random, clock)
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

    @Test
    void an_unknown_reference_costs_the_same_receipt_check_as_a_wrong_receipt() {
        Receipt wrong = Receipt.random(random);
        check.check("SN-0000-0000-0000", wrong.value()); // the decoy's stored form is made once, on first need
        hasher.checked.clear();

        check.check(accepted.reference().value(), wrong.value());
        List<String> forAWrongReceipt = List.copyOf(hasher.checked);
        hasher.checked.clear();
        check.check("SN-0000-0000-0000", wrong.value());
        List<String> forAnUnknownReference = List.copyOf(hasher.checked);
        hasher.checked.clear();
        check.check("not a reference", wrong.value());
        List<String> forSomethingThatIsNoReference = List.copyOf(hasher.checked);

        assertThat(forAWrongReceipt).as("a wrong receipt is checked against the report's stored form")
                .singleElement().asString().startsWith("hmac-sha256$v1$");
        assertThat(forAnUnknownReference).as("an unknown reference: one check of the same kind, against a decoy")
                .singleElement().asString().startsWith("hmac-sha256$v1$");
        assertThat(forSomethingThatIsNoReference).singleElement().asString().startsWith("hmac-sha256$v1$");
        assertThat(hasher.hashed).as("the decoy was made once").isEqualTo(2);
    }

    /** The hasher as deployed, counting what it is asked to do. */
    private static final class CountingHasher implements ReceiptHasher {
        private final ReceiptHasher real;
        final List<String> checked = new ArrayList<>();
        int hashed;

        CountingHasher(ReceiptHasher real) {
            this.real = real;
        }

        @Override
        public String hash(Receipt receipt) {
            hashed++;
            return real.hash(receipt);
        }

        @Override
        public boolean matches(Receipt receipt, String stored) {
            checked.add(stored);
            return real.matches(receipt, stored);
        }
    }
}
