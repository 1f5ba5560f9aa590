package kz.senim.intake;

import java.time.Clock;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;

/**
 * The reporter looks at where their report stands. Like every read of a case it is audited — as "the reporter",
 * with nothing that identifies them. A failed check (unknown reference, wrong receipt) is not a read of any case.
 */
public final class ShowReportStatus {

    static final String ACTION = "status_read_by_reporter";

    private final ReporterAccess reporterAccess;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public ShowReportStatus(ReporterAccess reporterAccess, AuditTrail auditTrail, Clock clock) {
        this.reporterAccess = reporterAccess;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public StatusOutcome show(String reference, String receipt) {
        StatusOutcome outcome = reporterAccess.check(reference, receipt);
        if (outcome instanceof StatusOutcome.Found found) {
            auditTrail.record(AuditEntry.of(found.reference(), clock.instant(), new Actor.Reporter(), ACTION));
        }
        return outcome;
    }
}
