package kz.senim.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.ReporterRole;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;
import kz.senim.intake.Reports.SaveOutcome;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Racers;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Reports} store does, run against the in-memory fake ({@code InMemoryReportsContractTest}) and the
 * DynamoDB adapter on DynamoDB Local ({@code DynamoDbReportsContractIT}): a report and its idempotency record are
 * stored together or not at all; a key is taken while its record lives (judged by the store's clock, in whole
 * seconds), a reference once; what was stored is found as it was (what the reporter typed once opened: the
 * adapter keeps it sealed), and no more once its receipt was erased.
 */
public abstract class ReportsContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The store's clock, which judges whether an idempotency record has expired; tests move it. */
    protected final MutableClock clock = MutableClock.atNoon();

    /** The store under test, on {@link #clock}. */
    protected abstract Reports reports();

    /** Opens what the store gives back of what the reporter typed (sealed by the adapter, as typed by the fake). */
    protected abstract CaseContent content();

    /** Erases the report's receipt as an erasure does (retention, withdrawal): its reporter cannot come back. */
    protected abstract void eraseReceipt(Reference reference);

    @Test
    void what_the_reporter_typed_comes_back_as_typed_once_opened() {
        Report report = report(Submissions.victimInAlmaty());
        reports().saveNew(report, alerts(report, "kz-75-commission"), record(newKeyHash(), report,
                Duration.ofHours(24)));

        Report stored = reports().find(report.reference()).orElseThrow();

        assertThat(stored.submission().withTexts(content().opening(report.reference())::open).narrative())
                .isEqualTo(CaseText.plain(Submissions.narrative(report.submission())));
        assertThat(stored.submission().withTexts(content().opening(report.reference())::open).locality())
                .contains(CaseText.plain(Submissions.locality(report.submission())));
    }

    @Test
    void a_report_whose_receipt_was_erased_is_found_no_more_for_its_reporter() {
        Report report = report(Submissions.victimInAlmaty());
        Report other = report(Submissions.victimInAlmaty());
        for (Report each : List.of(report, other)) {
            reports().saveNew(each, alerts(each, "kz-75-commission"), record(newKeyHash(), each,
                    Duration.ofHours(24)));
        }
        assertThat(found(report.reference())).as("guard: found while its receipt is there").contains(report);

        eraseReceipt(report.reference());

        assertThat(reports().find(report.reference())).isEmpty();
        assertThat(found(other.reference())).contains(other);
    }

    @Test
    void a_report_and_its_idempotency_record_are_stored_together() {
        Report report = report(Submissions.victimInAlmaty());
        IdempotencyRecord record = record(newKeyHash(), report, Duration.ofHours(24));

        assertThat(reports().saveNew(report, alerts(report, "kz-75-commission", "ngo-shelter-almaty"), record))
                .isEqualTo(new SaveOutcome.Saved());

        assertThat(found(report.reference())).contains(report);
        assertThat(reports().idempotencyRecord(record.keyHash())).contains(record);
    }

    @Test
    void a_key_whose_record_lives_is_taken_and_nothing_of_the_second_report_is_written() {
        String keyHash = newKeyHash();
        Report first = report(Submissions.victimInAlmaty());
        IdempotencyRecord firstRecord = record(keyHash, first, Duration.ofHours(24));
        reports().saveNew(first, alerts(first, "kz-75-commission"), firstRecord);
        clock.advance(Duration.ofHours(23));

        Report second = report(Submissions.victimInAlmaty());
        SaveOutcome outcome = reports().saveNew(second, alerts(second, "kz-75-commission"),
                record(keyHash, second, Duration.ofHours(24)));

        assertThat(outcome).isEqualTo(new SaveOutcome.KeyTaken());
        assertThat(found(second.reference())).isEmpty();
        assertThat(found(first.reference())).contains(first);
        assertThat(reports().idempotencyRecord(keyHash)).contains(firstRecord);
    }

    @Test
    void a_taken_reference_is_refused_and_nothing_of_the_attempt_is_written() {
        Report first = report(Submissions.victimInAlmaty());
        IdempotencyRecord firstRecord = record(newKeyHash(), first, Duration.ofHours(24));
        reports().saveNew(first, alerts(first, "kz-75-commission"), firstRecord);
        Report clash = new Report(first.reference(), Submissions.witnessTip(new RegionCode("KZ-71"), Category.BEGGING),
                Severity.LOW, CaseStatus.RECEIVED, "hmac-sha256$other", clock.instant(), clock.instant());
        String clashKey = newKeyHash();

        SaveOutcome outcome = reports().saveNew(clash, alerts(clash, "kz-71-commission"),
                record(clashKey, clash, Duration.ofHours(24)));

        assertThat(outcome).isEqualTo(new SaveOutcome.ReferenceTaken());
        assertThat(reports().idempotencyRecord(clashKey)).isEmpty();
        assertThat(reports().idempotencyRecord(firstRecord.keyHash())).contains(firstRecord);
        assertThat(found(first.reference())).contains(first);
    }

    @Test
    void a_taken_key_is_told_before_a_taken_reference() {
        String keyHash = newKeyHash();
        Report first = report(Submissions.victimInAlmaty());
        IdempotencyRecord firstRecord = record(keyHash, first, Duration.ofHours(24));
        reports().saveNew(first, alerts(first, "kz-75-commission"), firstRecord);

        assertThat(reports().saveNew(first, alerts(first, "kz-75-commission"), record(keyHash, first,
                Duration.ofHours(24)))).isEqualTo(new SaveOutcome.KeyTaken());
        assertThat(reports().idempotencyRecord(keyHash)).contains(firstRecord);
    }

    @Test
    void a_record_is_expired_from_the_second_it_expires_by_the_stores_clock() {
        String keyHash = newKeyHash();
        Report first = report(Submissions.victimInAlmaty());
        reports().saveNew(first, alerts(first, "kz-75-commission"), record(keyHash, first, Duration.ofHours(24)));
        clock.advance(Duration.ofHours(24).minusSeconds(1).plusMillis(999));

        Report tooEarly = report(Submissions.victimInAlmaty());
        assertThat(reports().saveNew(tooEarly, alerts(tooEarly, "kz-75-commission"),
                record(keyHash, tooEarly, Duration.ofHours(24)))).isEqualTo(new SaveOutcome.KeyTaken());
        clock.advance(Duration.ofMillis(1));
        Report later = report(Submissions.victimInAlmaty());
        IdempotencyRecord laterRecord = record(keyHash, later, Duration.ofHours(24));

        assertThat(reports().saveNew(later, alerts(later, "kz-75-commission"), laterRecord))
                .isEqualTo(new SaveOutcome.Saved());
        assertThat(reports().idempotencyRecord(keyHash)).contains(laterRecord);
        assertThat(found(first.reference())).contains(first);
        assertThat(found(later.reference())).contains(later);
    }

    @Test
    void expiry_is_judged_by_the_stores_clock_not_by_when_the_report_says_it_was_submitted() {
        String keyHash = newKeyHash();
        Report first = report(Submissions.victimInAlmaty());
        reports().saveNew(first, alerts(first, "kz-75-commission"), record(keyHash, first, Duration.ofHours(24)));
        Report dated = new Report(Reference.random(RANDOM), first.submission(), first.severity(), first.status(),
                first.receiptHash(), clock.instant().plus(Duration.ofDays(2)),
                clock.instant().plus(Duration.ofDays(2)));

        assertThat(reports().saveNew(dated, List.of(), record(keyHash, dated, Duration.ofHours(24))))
                .isEqualTo(new SaveOutcome.KeyTaken());
        clock.advance(Duration.ofDays(3));
        Report backdated = new Report(Reference.random(RANDOM), first.submission(), first.severity(),
                first.status(), first.receiptHash(), first.submittedAt(), first.submittedAt());
        assertThat(reports().saveNew(backdated, List.of(), record(keyHash, backdated, Duration.ofHours(24))))
                .isEqualTo(new SaveOutcome.Saved());
    }

    @Test
    void a_record_keeps_its_expiry_in_whole_seconds() {
        Report report = report(Submissions.victimInAlmaty());
        IdempotencyRecord record = new IdempotencyRecord(newKeyHash(), "request", report.reference(), "sealed",
                clock.instant().plus(Duration.ofHours(24)).plusMillis(750));

        reports().saveNew(report, alerts(report, "kz-75-commission"), record);

        assertThat(reports().idempotencyRecord(record.keyHash())).contains(new IdempotencyRecord(record.keyHash(),
                "request", report.reference(), "sealed", clock.instant().plus(Duration.ofHours(24))));
    }

    @Test
    void every_field_of_a_report_comes_back_with_and_without_a_locality() {
        ReportSubmission full = ReportSubmission.of(ReporterRole.VICTIM, Category.SEXUAL_EXPLOITATION,
                new RegionCode("KZ-79"), Optional.of("Шымкент, рынок «Айна» — 2-й ряд"), true, false, true, false,
                "Мені сатып жіберді. They keep 6 of us; паспорт забрали.\nSecond line\ttab \"quotes\"",
                Language.KK);
        ReportSubmission bare = ReportSubmission.of(ReporterRole.WITNESS, Category.FORCED_CRIMINALITY,
                RegionCode.UNKNOWN, Optional.empty(), false, true, false, true,
                "Men ko‘rdim: bolalarni olib ketishdi.", Language.UZ);
        Report withLocality = new Report(Reference.random(RANDOM), full, Severity.CRITICAL, CaseStatus.IN_PROGRESS,
                "hmac-sha256$c2FsdHNhbHQ$aGFzaGhhc2g", clock.instant().plusNanos(123_456_789),
                clock.instant().plusSeconds(90));
        Report withoutLocality = new Report(Reference.random(RANDOM), bare, Severity.LOW, CaseStatus.CLOSED,
                "hmac-sha256$AA$AA", clock.instant().minusSeconds(3600), clock.instant());

        for (Report report : List.of(withLocality, withoutLocality)) {
            reports().saveNew(report, alerts(report, "national-secretariat"),
                    record(newKeyHash(), report, Duration.ofHours(24)));
            assertThat(found(report.reference())).contains(report);
        }
    }

    @Test
    void unknown_references_and_keys_are_not_found() {
        Report report = report(Submissions.victimInAlmaty());
        IdempotencyRecord record = record(newKeyHash(), report, Duration.ofHours(24));
        reports().saveNew(report, List.of(), record);

        assertThat(found(report.reference())).contains(report);
        assertThat(reports().idempotencyRecord(record.keyHash())).contains(record);
        assertThat(found(Reference.random(RANDOM))).isEmpty();
        assertThat(reports().idempotencyRecord(newKeyHash())).isEmpty();
    }

    @Test
    void of_retries_racing_under_one_key_exactly_one_stores_its_report() throws Exception {
        String keyHash = newKeyHash();
        List<Report> attempts = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> report(Submissions.victimInAlmaty())).toList();
        List<Callable<SaveOutcome>> racers = attempts.stream().<Callable<SaveOutcome>>map(report -> () ->
                reports().saveNew(report, alerts(report, "kz-75-commission"),
                        record(keyHash, report, Duration.ofHours(24)))).toList();

        List<SaveOutcome> outcomes = Racers.race(racers);

        assertThat(outcomes).filteredOn(o -> o instanceof SaveOutcome.Saved).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof SaveOutcome.KeyTaken).hasSize(5);
        Report winner = attempts.get(outcomes.indexOf(new SaveOutcome.Saved()));
        assertThat(attempts).filteredOn(report -> found(report.reference()).isPresent())
                .containsExactly(winner);
        assertThat(reports().idempotencyRecord(keyHash).orElseThrow().reference()).isEqualTo(winner.reference());
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** The report as found, what the reporter typed opened as the paths that show a case open it. */
    protected final java.util.Optional<Report> found(Reference reference) {
        return reports().find(reference).map(found -> new Report(found.reference(),
                found.submission().withTexts(content().opening(reference)::open), found.severity(), found.status(),
                found.receiptHash(), found.submittedAt(), found.updatedAt()));
    }

    protected final Report report(ReportSubmission submission) {
        return new Report(Reference.random(RANDOM), submission, Severity.MEDIUM, CaseStatus.RECEIVED,
                "hmac-sha256$c2FsdA$aGFzaA", clock.instant(), clock.instant());
    }

    protected static List<Alert> alerts(Report report, String... organisations) {
        return Arrays.stream(organisations)
                .map(o -> Alert.of(report.reference(), o, report.submission().region(),
                        report.submission().category(), report.severity(), report.submittedAt()))
                .toList();
    }

    /** A record as intake makes one: living {@code ttl} from now, in whole seconds (the TTL attribute's unit). */
    private IdempotencyRecord record(String keyHash, Report report, Duration ttl) {
        return new IdempotencyRecord(keyHash, "request-" + UUID.randomUUID(), report.reference(),
                "sealed-" + UUID.randomUUID(), clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String newKeyHash() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }
}
