package kz.senim.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.StorageUnavailable;
import kz.senim.i18n.Language;
import kz.senim.intake.ReporterAccess;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCaseKeys;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.InMemoryReferrals;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.ReportedCases;
import kz.senim.testing.ReportedCases.ReportedCase;
import kz.senim.testing.TestReceipts;
import org.junit.jupiter.api.Test;

class WithdrawReportTest {

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryReports reports = new InMemoryReports(clock);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final RecordingErasures store = new RecordingErasures();
    private final ReporterAccess access = new ReporterAccess(reports, TestReceipts.hasher());
    private final WithdrawReport withdrawReport = new WithdrawReport(access, cases,
            new EraseContent(store, new InMemoryCaseKeys(), cases, new InMemoryReferrals(cases, audit), clock));
    private final ReportedCase reported = new ReportedCases(reports, cases, TestReceipts.hasher(), random)
            .inAlmaty(CaseStatus.IN_PROGRESS, Instant.parse("2026-11-20T09:00:00Z"));

    @Test
    void the_holder_of_the_receipt_withdraws_the_report_as_the_reporter() {
        WithdrawReport.Outcome outcome = withdrawReport.withdraw(reported.reference().value(),
                reported.receipt().value());

        assertThat(outcome).isEqualTo(new WithdrawReport.Outcome.Withdrawn(reported.reference(), Language.RU, true));
        assertThat(store.commits).singleElement().satisfies(commit -> {
            assertThat(commit.file()).isEqualTo(reported.file());
            assertThat(commit.reason()).isEqualTo(ErasureReason.WITHDRAWN_BY_REPORTER);
            assertThat(commit.entry().action()).isEqualTo("report_withdrawn");
            assertThat(commit.entry().actor()).isEqualTo(new kz.senim.cases.Actor.Reporter());
            assertThat(commit.entry().details()).containsEntry("from", "in_progress");
        });
        assertThat(store.finished).containsExactly(reported.reference());
    }

    @Test
    void a_wrong_receipt_or_an_unknown_reference_erases_nothing_and_answers_alike() {
        assertThat(withdrawReport.withdraw(reported.reference().value(), "0000-0000-0000-0000-0000"))
                .isEqualTo(new WithdrawReport.Outcome.NotFound());
        assertThat(withdrawReport.withdraw("SN-0000-0000-0000", reported.receipt().value()))
                .isEqualTo(new WithdrawReport.Outcome.NotFound());
        assertThat(store.commits).isEmpty();
        assertThat(store.finished).isEmpty();
    }

    @Test
    void when_only_the_first_step_could_be_made_the_report_is_withdrawn_and_the_retention_run_finishes_it() {
        RecordingErasures failingToFinish = new RecordingErasures() {
            @Override
            public void stripContent(kz.senim.cases.Reference reference) {
                throw new StorageUnavailable("test: unavailable", null);
            }

            @Override
            public Outcome commit(Commit commit) {
                Outcome stored = super.commit(commit);
                cases.add(withdrawn(commit));
                return stored;
            }
        };
        WithdrawReport withdrawing = new WithdrawReport(access, cases, new EraseContent(failingToFinish,
                new InMemoryCaseKeys(), cases, new InMemoryReferrals(cases, audit), clock));

        assertThat(withdrawing.withdraw(reported.reference().value(), reported.receipt().value()))
                .isEqualTo(new WithdrawReport.Outcome.Withdrawn(reported.reference(), Language.RU, false));
        assertThat(failingToFinish.commits).hasSize(1);
        assertThat(failingToFinish.finished).isEmpty();
    }

    @Test
    void a_report_withdrawn_meanwhile_answers_like_an_unknown_one() {
        RecordingErasures withdrawnMeanwhile = new RecordingErasures() {
            @Override
            public Outcome commit(Commit commit) {
                cases.add(withdrawn(commit));
                return new Outcome.CaseChanged();
            }
        };
        WithdrawReport racing = new WithdrawReport(access, cases, new EraseContent(withdrawnMeanwhile,
                new InMemoryCaseKeys(), cases, new InMemoryReferrals(cases, audit), clock));

        assertThat(racing.withdraw(reported.reference().value(), reported.receipt().value()))
                .isEqualTo(new WithdrawReport.Outcome.NotFound());
        assertThat(withdrawnMeanwhile.finished).isEmpty();
    }

    /** The case as a committed withdrawal leaves it. */
    private static kz.senim.cases.CaseFile withdrawn(CaseErasures.Commit commit) {
        kz.senim.cases.CaseFile file = commit.file();
        return new kz.senim.cases.CaseFile(file.reference(), file.submission(), file.severity(),
                CaseStatus.WITHDRAWN_BY_REPORTER, file.version() + 1, file.takenBy(), file.assignee(),
                file.involvedOrganisations(), file.outcome(), java.util.Optional.empty(), file.submittedAt(),
                commit.at());
    }
}
