package kz.senim.escalation;

import kz.senim.testing.AlertsFixture;
import kz.senim.testing.InMemoryAlertsFixture;

/** {@link PendingAlertsContract} against the in-memory fake the unit tests use ({@code InMemoryAlerts}). */
class InMemoryPendingAlertsContractTest extends PendingAlertsContract {

    private final InMemoryAlertsFixture alerts = new InMemoryAlertsFixture();

    @Override
    protected AlertsFixture alerts() {
        return alerts;
    }
}
