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

/** {@link CasesTableFixture} on the fakes the unit tests use, over one {@link InMemoryCases} and one audit trail. */
public final class InMemoryCasesTableFixture implements CasesTableFixture {

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);
    private final InMemoryConversations conversations = new InMemoryConversations(cases, audit);
    private final InMemoryReferrals referrals = new InMemoryReferrals(cases, audit);
    /** The fakes keep texts as written: opening them changes nothing, as for a text the adapters sealed. */
    private final CaseContent content = TestContent.content(new InMemoryCaseKeys());

    @Override
    public Cases cases() {
        return cases;
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public Acknowledgements acknowledgements() {
        return alerts;
    }

    @Override
    public PendingAlerts pendingAlerts() {
        return alerts;
    }

    @Override
    public Conversations conversations() {
        return conversations;
    }

    @Override
    public Referrals referrals() {
        return referrals;
    }

    @Override
    public CaseContent content() {
        return content;
    }

    @Override
    public void store(CaseFile file) {
        cases.add(file);
    }

    @Override
    public Alert raise(Alert alert) {
        return alerts.add(alert);
    }
}
