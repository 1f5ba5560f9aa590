package kz.senim.escalation;

import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.InMemoryCasesTableFixture;

/** {@link PendingAlertsContract} against the in-memory fake the unit tests use ({@code InMemoryAlerts}). */
class InMemoryPendingAlertsContractTest extends PendingAlertsContract {

    private final InMemoryCasesTableFixture table = new InMemoryCasesTableFixture();

    @Override
    protected CasesTableFixture table() {
        return table;
    }
}
