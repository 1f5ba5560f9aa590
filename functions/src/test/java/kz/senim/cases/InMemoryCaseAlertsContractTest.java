package kz.senim.cases;

import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.testing.InMemoryCaseAlerts;

/** {@link CaseAlertsContract} against the in-memory fake the unit tests use. */
class InMemoryCaseAlertsContractTest extends CaseAlertsContract {

    private final InMemoryCaseAlerts alerts = new InMemoryCaseAlerts();

    @Override
    protected CaseAlerts caseAlerts() {
        return alerts;
    }

    @Override
    protected void store(Reference reference, AlertLine line) {
        alerts.add(reference, line);
    }
}
