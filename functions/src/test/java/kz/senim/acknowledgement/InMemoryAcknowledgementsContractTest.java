package kz.senim.acknowledgement;

import kz.senim.testing.AlertsFixture;
import kz.senim.testing.InMemoryAlertsFixture;

/** {@link AcknowledgementsContract} against the in-memory fake the unit tests use ({@code InMemoryAlerts}). */
class InMemoryAcknowledgementsContractTest extends AcknowledgementsContract {

    private final InMemoryAlertsFixture alerts = new InMemoryAlertsFixture();

    @Override
    protected AlertsFixture alerts() {
        return alerts;
    }
}
