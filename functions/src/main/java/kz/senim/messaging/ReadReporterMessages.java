package kz.senim.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.i18n.Language;
import kz.senim.intake.ReporterAccess;
import kz.senim.intake.StatusOutcome;

/**
 * The reporter comes back with reference and receipt and reads where the case stands and what responders wrote.
 * The receipt is checked exactly as for the status ({@link ReporterAccess}): an unknown reference and a wrong
 * receipt answer alike and take as long. Each read is audited as "the reporter", with nothing that identifies. With
 * the case view, this is the only path that opens sealed texts ({@link CaseContent}): the messages, once the
 * receipt matched.
 */
public final class ReadReporterMessages {

    public static final String AUDIT_ACTION = "messages_read_by_reporter";

    private final ReporterAccess reporterAccess;
    private final Conversations conversations;
    private final AuditTrail auditTrail;
    private final CaseContent content;
    private final Clock clock;

    public ReadReporterMessages(ReporterAccess reporterAccess, Conversations conversations,
            AuditTrail auditTrail, CaseContent content, Clock clock) {
        this.reporterAccess = reporterAccess;
        this.conversations = conversations;
        this.auditTrail = auditTrail;
        this.content = content;
        this.clock = clock;
    }

    public Outcome read(String referenceText, String receiptText) {
        return switch (reporterAccess.check(referenceText, receiptText)) {
            case StatusOutcome.NotFound notFound -> new Outcome.NotFound();
            case StatusOutcome.Found found -> {
                List<CaseMessage> messages = conversations.forCase(found.reference());
                auditTrail.record(new AuditEntry(found.reference(), clock.instant(), new Actor.Reporter(),
                        AUDIT_ACTION, Map.of("messages", Integer.toString(messages.size()))));
                CaseContent.Opening opening = content.opening(found.reference());
                yield new Outcome.Found(found.reference(), found.status(), found.reportLanguage(),
                        messages.stream().map(message -> message.withText(opening::open)).toList());
            }
        };
    }

    /** What the reporter's read came to. */
    public sealed interface Outcome {
        /** The case's status and its conversation, oldest first. Who wrote is for the edge to leave out. */
        record Found(Reference reference, CaseStatus status, Language reportLanguage, List<CaseMessage> messages)
                implements Outcome {
            public Found {
                messages = List.copyOf(messages);
            }
        }

        /** Unknown reference or wrong receipt: deliberately the same answer. */
        record NotFound() implements Outcome { }
    }
}
