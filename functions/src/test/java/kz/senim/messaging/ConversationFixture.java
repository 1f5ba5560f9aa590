package kz.senim.messaging;

import java.security.SecureRandom;
import java.time.Instant;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseStatus;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.ReporterAccess;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCaseKeys;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.InMemoryConversations;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.MutableClock;
import kz.senim.testing.ReportedCases.ReportedCase;
import kz.senim.testing.ReportedCases;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestReceipts;

/** The three messaging use cases over in-memory fakes that share one set of cases, reports and audit trail. */
public final class ConversationFixture {

    public static final Caller ALMATY_RESPONDER = new Caller("person-aigerim", "kz-75-commission", Role.RESPONDER);
    public static final Caller SHELTER_COORDINATOR =
            new Caller("person-dana", "ngo-shelter-almaty", Role.COORDINATOR);
    public static final Caller ASTANA_RESPONDER = new Caller("person-marat", "kz-71-commission", Role.RESPONDER);
    public static final Caller NATIONAL_COORDINATOR =
            new Caller("person-saule", "national-secretariat", Role.NATIONAL_COORDINATOR);

    public final SecureRandom random = new SecureRandom();
    public final MutableClock clock = MutableClock.atNoon();
    public final InMemoryReports reports = new InMemoryReports(clock);
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryCases cases = new InMemoryCases(audit);
    public final InMemoryConversations conversations = new InMemoryConversations(cases, audit);
    public final ReceiptHasher hasher = TestReceipts.hasher();
    public final ReporterAccess reporterAccess = new ReporterAccess(reports, hasher);
    public final PostCaseMessage postCaseMessage = new PostCaseMessage(cases,
            new CaseAccess(FixedDirectory.seeded()), conversations, random, clock);
    /** The case keys and the content sealed and opened with them. */
    public final InMemoryCaseKeys keys = new InMemoryCaseKeys();
    public final CaseContent content = TestContent.content(keys);
    public final ReadReporterMessages readReporterMessages =
            new ReadReporterMessages(reporterAccess, conversations, audit, content, clock);
    public final ReplyAsReporter replyAsReporter = new ReplyAsReporter(reporterAccess, conversations, clock);
    private final ReportedCases reported = new ReportedCases(reports, cases, hasher, random);

    public ReportedCase reportedCase(CaseStatus status) {
        return reported.inAlmaty(status, Instant.parse("2026-11-23T09:00:00Z"));
    }

    /** Closes the case as responders see it (the reporter's side is the same item in DynamoDB). */
    public void close(ReportedCase reportedCase) {
        var file = reportedCase.file();
        cases.add(new kz.senim.cases.CaseFile(file.reference(), file.submission(), file.severity(),
                CaseStatus.CLOSED, file.version() + 1, file.takenBy(), file.assignee(),
                file.involvedOrganisations(), java.util.Optional.of(kz.senim.cases.ClosingOutcome.ASSISTED),
                file.statusReason(), file.submittedAt(), clock.instant()));
    }
}
