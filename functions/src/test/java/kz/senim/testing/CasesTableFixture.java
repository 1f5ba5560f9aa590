package kz.senim.testing;

import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.escalation.PendingAlerts;
import kz.senim.messaging.Conversations;
import kz.senim.referral.Referrals;

/**
 * What the contracts of the cases table's ports run on: one store seen through each port, with a case or an alert put
 * in place as intake writes it. In memory ({@link InMemoryCasesTableFixture}, the fakes wired as the unit tests wire
 * them) or a fresh cases table on DynamoDB Local ({@link DynamoDbCasesTableFixture}, the adapters).
 *
 * <p>What people typed comes back from the adapters sealed and from the fakes as written; {@link #content()} opens
 * either, as the paths that show a case do, so a contract compares texts as they were typed.
 */
public interface CasesTableFixture {

    Cases cases();

    AuditTrail audit();

    Acknowledgements acknowledgements();

    PendingAlerts pendingAlerts();

    Conversations conversations();

    Referrals referrals();

    /** Opens the texts the stores give back (sealed by the adapters; as written by the fakes). */
    CaseContent content();

    /** Puts {@code file} in place as the case stands (a later call puts a later state of the same case). */
    void store(CaseFile file);

    /** Puts an organisation's alert in place as intake writes it: pending, step 0, among the pending alerts. */
    Alert raise(Alert alert);
}
