package kz.senim.testing;

import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.escalation.PendingAlerts;

/** {@link AlertsFixture} on the fakes the unit tests use: {@link InMemoryAlerts} over {@link InMemoryCases}. */
public final class InMemoryAlertsFixture implements AlertsFixture {

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);

    @Override
    public Acknowledgements acknowledgements() {
        return alerts;
    }

    @Override
    public PendingAlerts pendingAlerts() {
        return alerts;
    }

    @Override
    public Cases cases() {
        return cases;
    }

    @Override
    public AuditTrail audit() {
        return audit;
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
