package kz.senim.handling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseAlerts;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseDetails;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseMessages;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.CaseReferrals;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;
import kz.senim.directory.Directory;
import kz.senim.directory.OrganisationNames;

/**
 * Opens a case: the report with its narrative, its alerts, referrals and conversation. Every opening is audited
 * before anything is shown; if the audit line cannot be written, the case is not shown. This is one of the two paths
 * that open what people typed (sealed in the store, {@link CaseContent}), after the caller's scope was checked. The
 * provider of an open referral sees what it needs for the service: the case, its narrative and conversation, and of
 * the alerts and referrals only its own. The organisations it mentions by id are named from one read of the directory.
 */
public final class ReadCase {

    public static final String AUDIT_ACTION = "case_read";

    private final Cases cases;
    private final CaseAccess access;
    private final CaseAlerts alerts;
    private final CaseReferrals referrals;
    private final CaseMessages messages;
    private final AuditTrail audit;
    private final CaseContent content;
    private final Directory directory;
    private final Clock clock;

    public ReadCase(Cases cases, CaseAccess access, CaseAlerts alerts, CaseReferrals referrals, CaseMessages messages,
            AuditTrail audit, CaseContent content, Directory directory, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.alerts = alerts;
        this.referrals = referrals;
        this.messages = messages;
        this.audit = audit;
        this.content = content;
        this.directory = directory;
        this.clock = clock;
    }

    public Outcome read(Caller caller, String referenceText) {
        Optional<CaseFile> found = access.visible(caller, Reference.parse(referenceText).flatMap(cases::find));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        CaseFile file = found.get();
        Reference reference = file.reference();
        Instant now = clock.instant();
        audit.record(new AuditEntry(reference, now, caller.actor(), AUDIT_ACTION,
                Map.of("version", Long.toString(file.version()))));
        List<AlertLine> alertLines = alerts.of(reference);
        List<ReferralLine> referralLines = referrals.ofCase(reference);
        if (access.reach(caller, file) == CaseAccess.Reach.PROVIDER) {
            String own = caller.organisationId();
            alertLines = alertLines.stream().filter(alert -> alert.organisationId().equals(own)).toList();
            referralLines = referralLines.stream().filter(referral -> referral.providerId().equals(own)).toList();
        }
        CaseContent.Opening opening = content.opening(reference);
        return new Outcome.Found(new CaseDetails(file.withTexts(opening::open), alertLines,
                referralLines.stream().map(line -> line.withReason(opening::open)).toList(),
                messages.of(reference).stream().map(line -> line.withText(opening::open)).toList(),
                LocalDate.ofInstant(now, ReferralLine.CALENDAR)), OrganisationNames.of(directory));
    }

    public sealed interface Outcome {
        /** The case, and the names of the organisations it mentions by id (those the directory knows). */
        record Found(CaseDetails details, OrganisationNames names) implements Outcome { }

        /** Unknown reference, or a case outside the caller's scope: deliberately the same answer. */
        record NotFound() implements Outcome { }
    }
}
