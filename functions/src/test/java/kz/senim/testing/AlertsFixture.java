package kz.senim.testing;

import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.escalation.PendingAlerts;

/**
 * The alert items of cases and what is kept beside them, one store seen through each port that works on them: what
 * {@code AcknowledgementsContract} and {@code PendingAlertsContract} run on, in memory ({@link InMemoryAlertsFixture})
 * or in a cases table on DynamoDB Local ({@link DynamoDbAlertsFixture}).
 */
public interface AlertsFixture {

    Acknowledgements acknowledgements();

    PendingAlerts pendingAlerts();

    Cases cases();

    AuditTrail audit();

    /** Puts {@code file} in place as the case stands. */
    void store(CaseFile file);

    /** Puts an organisation's alert in place as intake writes it: pending, step 0, among the pending alerts. */
    Alert raise(Alert alert);
}
