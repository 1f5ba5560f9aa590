package kz.senim.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCaseKeys;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.InMemoryReferrals;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

/** When the retention run erases, warns or waits: decided on what the store lists, with the default policy. */
class EraseDueContentTest {

    private final MutableClock clock = MutableClock.atNoon();
    private final RecordingErasures store = new RecordingErasures();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final EraseDueContent run = new EraseDueContent(store,
            new EraseContent(store, new InMemoryCaseKeys(), cases, new InMemoryReferrals(cases, audit), clock),
            FixedDirectory.seeded(), RetentionPolicy.DEFAULT, clock);

    @Test
    void a_closed_case_is_erased_once_its_last_change_is_older_than_the_retention_period() {
        CaseFile closed = aCase(CaseStatus.CLOSED, RegionCode.UNKNOWN);
        store.closed.add(new DueCase(closed, clock.instant().minus(Duration.ofDays(181)), Optional.empty()));

        EraseDueContent.Summary summary = run.run();

        assertThat(summary).isEqualTo(new EraseDueContent.Summary(0, 1, 0, 0));
        assertThat(store.commits).singleElement().satisfies(commit -> {
            assertThat(commit.file()).isEqualTo(closed);
            assertThat(commit.reason()).isEqualTo(ErasureReason.RETENTION_AFTER_CLOSURE);
            assertThat(commit.entry().action()).isEqualTo("content_erased");
            assertThat(commit.entry().actor()).isEqualTo(EraseDueContent.ACTOR);
        });
        assertThat(store.finished).containsExactly(closed.reference());
        assertThat(store.asked).as("the store was asked for cases closed before the period")
                .contains("closedBefore " + clock.instant().minus(Duration.ofDays(180)));
    }

    @Test
    void an_inactive_case_is_first_warned_to_its_regions_commission_with_fourteen_days_to_go() {
        CaseFile open = aCase(CaseStatus.IN_PROGRESS, new RegionCode("KZ-75"));
        Instant lastChange = clock.instant().minus(Duration.ofDays(355));
        store.open.add(new DueCase(open, lastChange, Optional.empty()));

        EraseDueContent.Summary summary = run.run();

        assertThat(summary).isEqualTo(new EraseDueContent.Summary(0, 0, 1, 0));
        assertThat(store.commits).isEmpty();
        assertThat(store.warnings).singleElement().satisfies(warning -> {
            assertThat(warning.dueAt()).as("the inactivity period ends in 10 days, but the warning gives 14")
                    .isEqualTo(clock.instant().plus(Duration.ofDays(14)))
                    .isAfter(lastChange.plus(Duration.ofDays(365)));
            assertThat(warning.notices()).extracting(Alert::organisationId).containsExactly("kz-75-commission");
            assertThat(warning.notices()).allSatisfy(notice -> {
                assertThat(notice.notice()).contains(Alert.Notice.erasureDue(warning.dueAt()));
                assertThat(notice.reference()).isEqualTo(open.reference());
            });
            assertThat(warning.entry().action()).isEqualTo("content_erasure_warned");
            assertThat(warning.entry().details()).containsEntry("notified", "kz-75-commission");
        });
        assertThat(store.asked).contains("openBefore " + clock.instant().minus(Duration.ofDays(365 - 14)));
    }

    @Test
    void a_case_of_no_region_is_warned_to_the_national_secretariat_and_never_sooner_than_fourteen_days_ahead() {
        CaseFile open = aCase(CaseStatus.RECEIVED, RegionCode.UNKNOWN);
        store.open.add(new DueCase(open, clock.instant().minus(Duration.ofDays(400)), Optional.empty()));

        run.run();

        assertThat(store.warnings).singleElement().satisfies(warning -> {
            assertThat(warning.notices()).extracting(Alert::organisationId).containsExactly("national-secretariat");
            assertThat(warning.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        });
    }

    @Test
    void a_warned_case_is_erased_only_when_both_the_inactivity_and_the_fourteen_days_have_passed() {
        Instant now = clock.instant();
        DueCase warnedTooRecently = new DueCase(aCase(CaseStatus.IN_PROGRESS, new RegionCode("KZ-75")),
                now.minus(Duration.ofDays(400)), Optional.of(now.minus(Duration.ofDays(13))));
        DueCase stillActiveEnough = new DueCase(aCase(CaseStatus.IN_PROGRESS, new RegionCode("KZ-75")),
                now.minus(Duration.ofDays(360)), Optional.of(now.minus(Duration.ofDays(15))));
        DueCase due = new DueCase(aCase(CaseStatus.ACKNOWLEDGED, new RegionCode("KZ-75")),
                now.minus(Duration.ofDays(366)), Optional.of(now.minus(Duration.ofDays(14))));
        store.open.addAll(List.of(warnedTooRecently, stillActiveEnough, due));

        EraseDueContent.Summary summary = run.run();

        assertThat(summary).isEqualTo(new EraseDueContent.Summary(0, 1, 0, 0));
        assertThat(store.commits).singleElement().satisfies(commit -> {
            assertThat(commit.file()).isEqualTo(due.file());
            assertThat(commit.reason()).isEqualTo(ErasureReason.INACTIVITY);
        });
        assertThat(store.warnings).isEmpty();
    }

    @Test
    void a_warning_older_than_the_last_change_counts_for_nothing_the_case_is_warned_again() {
        Instant now = clock.instant();
        DueCase changedAfterTheWarning = new DueCase(aCase(CaseStatus.IN_PROGRESS, new RegionCode("KZ-75")),
                now.minus(Duration.ofDays(366)), Optional.of(now.minus(Duration.ofDays(380))));

        store.open.add(changedAfterTheWarning);
        EraseDueContent.Summary summary = run.run();

        assertThat(summary.erased()).isZero();
        assertThat(summary.warned()).isEqualTo(1);
        assertThat(store.commits).isEmpty();
    }

    @Test
    void erasures_left_half_way_are_finished_first_and_a_failing_case_holds_up_no_other() {
        Reference unfinished = Reference.random(new java.security.SecureRandom());
        store.unfinished.add(unfinished);
        CaseFile failing = aCase(CaseStatus.CLOSED, RegionCode.UNKNOWN);
        CaseFile fine = aCase(CaseStatus.CLOSED, RegionCode.UNKNOWN);
        store.failOnCommit.add(failing.reference());
        store.closed.add(new DueCase(failing, clock.instant().minus(Duration.ofDays(200)), Optional.empty()));
        store.closed.add(new DueCase(fine, clock.instant().minus(Duration.ofDays(190)), Optional.empty()));

        EraseDueContent.Summary summary = run.run();

        assertThat(summary).isEqualTo(new EraseDueContent.Summary(1, 1, 0, 1));
        assertThat(store.finished).containsExactly(unfinished, fine.reference());
    }

    @Test
    void a_case_changed_since_it_was_listed_is_not_erased() {
        CaseFile closed = aCase(CaseStatus.CLOSED, RegionCode.UNKNOWN);
        store.changed.add(closed.reference());
        store.closed.add(new DueCase(closed, clock.instant().minus(Duration.ofDays(181)), Optional.empty()));

        EraseDueContent.Summary summary = run.run();

        assertThat(summary.erased()).isZero();
        assertThat(store.finished).isEmpty();
    }

    private CaseFile aCase(CaseStatus status, RegionCode region) {
        CaseFile file = CaseFiles.receivedInAlmaty(Reference.random(new java.security.SecureRandom()).value(),
                clock.instant().minus(Duration.ofDays(500)));
        CaseFile placed = new CaseFile(file.reference(), Submissions.witnessTip(region, Category.BEGGING),
                file.severity(), status, 3, Optional.empty(), Optional.empty(), file.involvedOrganisations(),
                Optional.empty(), Optional.empty(), file.submittedAt(), file.updatedAt());
        cases.add(placed);
        return placed;
    }
}
