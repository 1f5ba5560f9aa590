package kz.senim.alerting;

import kz.senim.alerting.DispatchAlerts.Dispatched;
import kz.senim.alerting.DispatchAlerts.Outcome;
import kz.senim.cases.Alert;
import org.slf4j.Logger;

/** One log line per dispatched alert, as it truly went: ids, organisation, outcome; never anything of the report. */
public final class DispatchLog {

    private DispatchLog() {
    }

    /** @return whether the alert is taken care of (false: it was not delivered and must be retried) */
    public static boolean log(Logger log, Dispatched dispatched) {
        Alert alert = dispatched.alert();
        switch (dispatched.outcome()) {
            case Outcome.Published published -> log.info(
                    "alert published alertId={} organisation={} severity={} acknowledgeLink={}",
                    alert.alertId(), alert.organisationId(), alert.severity().code(),
                    published.withAcknowledgeLink());
            case Outcome.PublishedAsDigest digest -> log.info(
                    "alert published as digest alertId={} organisation={} reports={}", alert.alertId(),
                    alert.organisationId(), digest.count());
            case Outcome.Coalesced coalesced -> log.info("alert coalesced alertId={} organisation={} digest={}",
                    alert.alertId(), alert.organisationId(), coalesced.digestAlertId());
            case Outcome.AlreadyPublished already -> log.info("alert already published alertId={}", alert.alertId());
            case Outcome.Deferred deferred -> log.info(
                    "alert held by another dispatcher alertId={} until={}; the sweeper takes it if it stays unpublished",
                    alert.alertId(), deferred.until());
            case Outcome.PublishedNotMarked notMarked -> log.warn(
                    "alert published but not marked published alertId={} messageId={}; nobody publishes it again"
                            + " before {}, the sweeper may after that (same alertId)",
                    alert.alertId(), notMarked.messageId(), notMarked.heldUntil());
            case Outcome.NotDelivered notDelivered -> {
                log.warn("alert not delivered alertId={} organisation={} cause={}", alert.alertId(),
                        alert.organisationId(), notDelivered.errorClass());
                return false;
            }
        }
        return true;
    }
}
