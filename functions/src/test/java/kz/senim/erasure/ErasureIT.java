package kz.senim.erasure;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.cases.CaseDetails;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.ServiceType;
import kz.senim.erasure.dynamodb.DynamoDbCaseErasures;
import kz.senim.handling.CaseChangeOutcome;
import kz.senim.handling.CaseTransition;
import kz.senim.handling.ReadCase;
import kz.senim.intake.StatusOutcome;
import kz.senim.intake.SubmissionOutcome;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.messaging.MessageKind;
import kz.senim.messaging.MessageText;
import kz.senim.messaging.PostCaseMessage;
import kz.senim.referral.ReferToService;
import kz.senim.referral.ReferralRequest;
import kz.senim.referral.ReferralStatusChange;
import kz.senim.referral.ReferralTransition;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestTables;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 8 §2 on DynamoDB Local, through the use cases as {@link Wiring} builds them: a withdrawal and the retention
 * run erase what people typed about a case (narrative, locality, messages, reasons), the receipt's hash and the case's
 * data keys. Each test first proves the texts are there and readable, then scans every item of the tables.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(180)
class ErasureIT {

    private static final String QUESTION = "Вы сейчас в безопасности? Где вас держат?";
    private static final String REPLY = "Пока да. Общежитие за рынком, третий этаж, комната с решёткой.";
    private static final String REJECTION = "Нет юриста со знанием узбекского до конца месяца.";

    private final MutableClock clock = MutableClock.atNoon();
    private DynamoDbClient dynamoDb;
    private TestTables tables;
    private Wiring wiring;

    @BeforeEach
    void seededTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        tables = TestTables.create(engine);
        wiring = LocalWiring.against(engine, null, Map.of(Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory(), Wiring.CASE_KEYS_TABLE, tables.caseKeys()), clock);
        wiring.directorySeeder().seed(DirectoryData.seed());
    }

    @Test
    void aWithdrawalErasesEveryTextAndKeyOfTheCaseStopsPagingAndRevokesWhatProvidersStillWork() {
        Reported reported = report();
        wiring.acknowledgeAlert().byCaller(reported.reference().value() + ".kz-75-commission", ALMATY_RESPONDER);
        converse(reported);
        String shelter = refer(reported, "ngo-shelter-almaty", ServiceType.SHELTER);
        String legal = refer(reported, "ngo-foreign-nationals", ServiceType.LEGAL);
        assertThat(wiring.changeReferralStatus().change(MIGRANT_NGO_RESPONDER, legal, 1,
                ReferralStatusChange.to(ReferralTransition.REJECTED, REJECTION)))
                .isInstanceOf(kz.senim.referral.ChangeReferralStatus.Outcome.Changed.class);
        CaseDetails before = read(reported.reference());
        assertThat(before.file().submission().narrative()).isEqualTo(Submissions.victimInAlmaty().narrative());
        assertThat(before.messages()).extracting(m -> m.text().readable().orElseThrow())
                .containsExactly(QUESTION, REPLY);
        assertThat(before.referrals()).flatExtracting(line -> line.reason().stream().toList())
                .containsExactly(CaseText.plain(REJECTION));
        assertThat(sealedValues(reported.reference())).as("the guard: the case's texts are stored, sealed")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(keysOf(reported.reference())).as("and their keys are kept").hasSizeGreaterThanOrEqualTo(4);

        clock.advance(Duration.ofMinutes(10));
        WithdrawReport.Outcome outcome = wiring.withdrawReport().withdraw(reported.reference().value(),
                reported.receipt());

        assertThat(outcome).isEqualTo(new WithdrawReport.Outcome.Withdrawn(reported.reference(),
                Submissions.victimInAlmaty().language(), true));
        assertThat(sealedValues(reported.reference())).as("no sealed text left in the case").isEmpty();
        assertThat(keysOf(reported.reference())).as("no key of the case left").isEmpty();
        assertNoTextAnywhere(Submissions.narrative(Submissions.victimInAlmaty()),
                Submissions.locality(Submissions.victimInAlmaty()), QUESTION, REPLY, REJECTION);
        Map<String, AttributeValue> report = item(reported.reference(), "REPORT");
        assertThat(report).doesNotContainKeys("narrative", "locality", "statusReason", "receiptHash", "gsi5pk")
                .containsKeys("category", "region", "severity", "submittedAt", "takenBy", "involvedOrganisations");
        assertThat(report.get("status").s()).isEqualTo("withdrawn_by_reporter");
        assertThat(report.get("erasure").s()).isEqualTo("withdrawn_by_reporter");
        assertThat(items(reported.reference())).filteredOn(i -> i.containsKey("requestHash"))
                .isNotEmpty().allSatisfy(i -> assertThat(i.get("requestHash").s()).isEqualTo("erased"));

        Map<String, AttributeValue> shelterAlert = item(reported.reference(), "ALERT#ngo-shelter-almaty");
        assertThat(shelterAlert.get("status").s()).as("paging stops").isEqualTo("acknowledged");
        assertThat(shelterAlert.get("acknowledgedByType").s()).isEqualTo("reporter");
        assertThat(shelterAlert.get("acknowledgedBy").s()).as("on behalf of the alerted organisation")
                .isEqualTo("ngo-shelter-almaty");
        assertThat(read(reported.reference()).alerts()).filteredOn(line -> line.alertId().equals(
                        shelterAlert.get("alertId").s()))
                .singleElement().satisfies(line -> assertThat(line.acknowledgedBy()).contains(
                        new kz.senim.cases.CaseAlerts.Acknowledger("reporter", java.util.Optional.empty(),
                                "ngo-shelter-almaty")));
        assertThat(shelterAlert).doesNotContainKey("gsi2pk");
        assertThat(read(reported.reference()).referrals()).extracting(ReferralLine::referralId, ReferralLine::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(shelter, "revoked"),
                        org.assertj.core.groups.Tuple.tuple(legal, "rejected"));
        Map<String, AttributeValue> notice = item(reported.reference(),
                "ALERT#ngo-shelter-almaty#N#n-referrals-revoked");
        assertThat(notice.get("kind").s()).isEqualTo("ALERT");
        assertThat(notice.get("notice").s()).isEqualTo("referrals_revoked");
        assertThat(notice).doesNotContainKey("gsi2pk");
        assertThat(items(reported.reference())).filteredOn(i -> i.get("sk").s().contains("#N#"))
                .as("the provider still working on a referral is told; the one that had rejected is not")
                .hasSize(1);
        assertThat(audit(reported.reference()))
                .filteredOn(e -> e.actor() instanceof kz.senim.cases.Actor.Reporter)
                .extracting(kz.senim.cases.AuditEntry::action)
                .contains("report_withdrawn", "alert_acknowledged", "referral_revoked");

        assertThat(wiring.withdrawReport().withdraw(reported.reference().value(), reported.receipt()))
                .as("a second withdrawal answers like an unknown reference")
                .isEqualTo(new WithdrawReport.Outcome.NotFound());
        assertThat(wiring.showReportStatus().show(reported.reference().value(), reported.receipt()))
                .isEqualTo(new StatusOutcome.NotFound());
        CaseDetails after = read(reported.reference());
        assertThat(after.file().status()).isEqualTo(CaseStatus.WITHDRAWN_BY_REPORTER);
        assertThat(after.file().submission().narrative()).isEqualTo(new CaseText.Erased());
        assertThat(after.messages()).hasSize(2).allSatisfy(m -> assertThat(m.text()).isEqualTo(new CaseText.Erased()));
        assertThat(wiring.postCaseMessage().post(ALMATY_RESPONDER, reported.reference().value(),
                MessageKind.UPDATE, new MessageText("Anyone there?"))).isEqualTo(new PostCaseMessage.Outcome.CaseClosed());
        assertThat(wiring.changeCaseStatus().change(ALMATY_COORDINATOR, reported.reference().value(),
                after.file().version(), CaseTransition.startWork()))
                .isEqualTo(new CaseChangeOutcome.Illegal("case_withdrawn"));
    }

    @Test
    void theContentOfAClosedCaseIsErasedWhenItsRetentionRunsOutAndItsFactsStay() {
        Reported reported = report();
        wiring.acknowledgeAlert().byCaller(reported.reference().value() + ".kz-75-commission", ALMATY_RESPONDER);
        converse(reported);
        long version = read(reported.reference()).file().version();
        assertThat(wiring.changeCaseStatus().change(ALMATY_COORDINATOR, reported.reference().value(), version,
                CaseTransition.close(ClosingOutcome.ASSISTED))).isInstanceOf(CaseChangeOutcome.Changed.class);

        clock.advance(Duration.ofDays(179));
        assertThat(wiring.eraseDueContent().run().erased()).isZero();
        assertThat(sealedValues(reported.reference())).as("the guard: kept until the period ends").isNotEmpty();
        assertThat(wiring.showReportStatus().show(reported.reference().value(), reported.receipt()))
                .isInstanceOf(StatusOutcome.Found.class);

        clock.advance(Duration.ofDays(1).plusMinutes(5));
        EraseDueContent.Summary run = wiring.eraseDueContent().run();

        assertThat(run.erased()).isEqualTo(1);
        assertThat(sealedValues(reported.reference())).isEmpty();
        assertThat(keysOf(reported.reference())).isEmpty();
        assertNoTextAnywhere(Submissions.narrative(Submissions.victimInAlmaty()), QUESTION, REPLY);
        Map<String, AttributeValue> report = item(reported.reference(), "REPORT");
        assertThat(report.get("status").s()).isEqualTo("closed");
        assertThat(report.get("outcome").s()).isEqualTo("assisted");
        assertThat(report.get("erasure").s()).isEqualTo("retention_after_closure");
        assertThat(report).doesNotContainKeys("receiptHash", "gsi5pk");
        assertThat(wiring.showReportStatus().show(reported.reference().value(), reported.receipt()))
                .isEqualTo(new StatusOutcome.NotFound());
        assertThat(audit(reported.reference())).extracting(kz.senim.cases.AuditEntry::action)
                .contains("case_closed", "content_erased");
        assertThat(wiring.eraseDueContent().run()).as("nothing more to do")
                .isEqualTo(new EraseDueContent.Summary(0, 0, 0, 0));
    }

    @Test
    void anInactiveCaseIsErasedOnlyFourteenDaysAfterItsRegionWasWarnedAndAChangePutsItOff() {
        Reported quiet = report();
        Reported revived = report();
        Instant submitted = clock.instant();

        clock.advance(Duration.ofDays(350));
        assertThat(wiring.eraseDueContent().run().warned()).isZero();
        clock.advance(Duration.ofDays(2));
        EraseDueContent.Summary warning = wiring.eraseDueContent().run();

        assertThat(warning.warned()).isEqualTo(2);
        assertThat(warning.erased()).isZero();
        Instant dueAt = submitted.plus(Duration.ofDays(352 + 14)); // never sooner than 14 days after the warning
        Map<String, AttributeValue> notice = item(quiet.reference(),
                "ALERT#kz-75-commission#N#n-content-erasure-due-" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE
                        .format(LocalDate.ofInstant(dueAt, java.time.ZoneOffset.UTC)));
        assertThat(notice.get("notice").s()).isEqualTo("content_erasure_due");
        assertThat(notice.get("kind").s()).as("through the alert outbox").isEqualTo("ALERT");
        assertThat(notice).doesNotContainKey("gsi2pk");
        assertThat(Instant.parse(notice.get("noticeDueAt").s())).isEqualTo(dueAt);
        assertThat(sealedValues(quiet.reference())).as("the guard: nothing erased with the warning").isNotEmpty();
        assertThat(wiring.eraseDueContent().run().warned()).as("warned once").isZero();

        clock.advance(Duration.ofDays(1));
        wiring.acknowledgeAlert().byCaller(revived.reference().value() + ".kz-75-commission", ALMATY_RESPONDER);
        clock.advance(Duration.ofDays(13).plusMinutes(1));
        EraseDueContent.Summary due = wiring.eraseDueContent().run();

        assertThat(due.erased()).isEqualTo(1);
        assertThat(item(quiet.reference(), "REPORT").get("erasure").s()).isEqualTo("inactivity");
        assertThat(sealedValues(quiet.reference())).isEmpty();
        assertThat(keysOf(quiet.reference())).isEmpty();
        assertThat(sealedValues(revived.reference())).as("changed after the warning: kept").isNotEmpty();
        assertThat(item(revived.reference(), "REPORT")).doesNotContainKey("erasure");
        assertThat(audit(quiet.reference())).extracting(kz.senim.cases.AuditEntry::action)
                .containsSubsequence("content_erasure_warned", "content_erased");
    }

    @Test
    void anErasureThatStoppedHalfWayIsFinishedByTheNextRun() {
        Reported reported = report();
        converse(reported);
        kz.senim.cases.CaseFile file = read(reported.reference()).file();
        DynamoDbCaseErasures erasures = new DynamoDbCaseErasures(dynamoDb, tables.cases());
        assertThat(erasures.commit(new CaseErasures.Commit(file, ErasureReason.WITHDRAWN_BY_REPORTER,
                clock.instant(), kz.senim.cases.AuditEntry.of(reported.reference(), clock.instant(),
                        new kz.senim.cases.Actor.Reporter(), "report_withdrawn"))))
                .isEqualTo(new CaseErasures.Outcome.Stored());
        assertThat(erasures.unfinished()).containsExactly(reported.reference());
        assertThat(keysOf(reported.reference())).as("the guard: stopped before the keys were forgotten").isNotEmpty();

        EraseDueContent.Summary run = wiring.eraseDueContent().run();

        assertThat(run.finished()).isEqualTo(1);
        assertThat(erasures.unfinished()).isEmpty();
        assertThat(keysOf(reported.reference())).isEmpty();
        assertThat(sealedValues(reported.reference())).isEmpty();
        assertThat(item(reported.reference(), "ALERT#ngo-shelter-almaty").get("status").s())
                .isEqualTo("acknowledged");
    }

    // ------------------------------------------------------------------ helpers

    private record Reported(Reference reference, String receipt) {
    }

    private Reported report() {
        SubmissionOutcome.Accepted accepted = (SubmissionOutcome.Accepted) wiring.submitReport().submit(
                new IdempotencyKey("erasure-" + UUID.randomUUID()), Submissions.victimInAlmaty());
        return new Reported(accepted.reference(), accepted.receipt().value());
    }

    private void converse(Reported reported) {
        wiring.postCaseMessage().post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.QUESTION,
                new MessageText(QUESTION));
        clock.advance(Duration.ofMinutes(1));
        wiring.replyAsReporter().reply(reported.reference().value(), reported.receipt(),
                new IdempotencyKey("reply-" + UUID.randomUUID()), new MessageText(REPLY));
        clock.advance(Duration.ofMinutes(1));
    }

    private String refer(Reported reported, String provider, ServiceType service) {
        ReferToService.Outcome outcome = wiring.referToService().refer(ALMATY_COORDINATOR,
                reported.reference().value(), new ReferralRequest(provider, service, true,
                        LocalDate.ofInstant(clock.instant(), ReferralLine.CALENDAR).plusDays(7)));
        assertThat(outcome).isInstanceOf(ReferToService.Outcome.Referred.class);
        return ((ReferToService.Outcome.Referred) outcome).referral().id().value();
    }

    private CaseDetails read(Reference reference) {
        ReadCase.Outcome outcome = wiring.readCase().read(ALMATY_COORDINATOR, reference.value());
        assertThat(outcome).isInstanceOf(ReadCase.Outcome.Found.class);
        return ((ReadCase.Outcome.Found) outcome).details();
    }

    private List<kz.senim.cases.AuditEntry> audit(Reference reference) {
        return new kz.senim.audit.dynamodb.DynamoDbAuditTrail(dynamoDb, tables.cases()).entries(reference);
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream().toList();
    }

    private List<Map<String, AttributeValue>> items(Reference reference) {
        return scan(tables.cases()).stream()
                .filter(i -> i.get("pk").s().equals(CasesTable.casePartition(reference))).toList();
    }

    private Map<String, AttributeValue> item(Reference reference, String sortKey) {
        return items(reference).stream().filter(i -> i.get("sk").s().equals(sortKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + sortKey + " in " + reference + ": "
                        + items(reference).stream().map(i -> i.get("sk").s()).toList()));
    }

    /** Every value of the case's items that is a sealed text. */
    private List<String> sealedValues(Reference reference) {
        List<String> sealed = new ArrayList<>();
        items(reference).forEach(item -> item.values().forEach(value -> {
            if (value.s() != null && CaseText.Sealed.isEnvelope(value.s())) {
                sealed.add(value.s());
            }
        }));
        return sealed;
    }

    private List<Map<String, AttributeValue>> keysOf(Reference reference) {
        return scan(tables.caseKeys()).stream()
                .filter(i -> i.get("pk").s().equals(CasesTable.casePartition(reference))).toList();
    }

    /** No table holds any of the texts, in clear (they never were) or behind a key still kept. */
    private void assertNoTextAnywhere(String... texts) {
        for (String table : List.of(tables.cases(), tables.caseKeys(), tables.directory())) {
            String everything = scan(table).toString();
            for (String text : texts) {
                assertThat(everything).as(table).doesNotContain(text);
            }
        }
    }
}
