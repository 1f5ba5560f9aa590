package kz.senim.acknowledgement;

import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.InMemoryCasesTableFixture;

/** {@link AcknowledgementsContract} against the in-memory fake the unit tests use ({@code InMemoryAlerts}). */
class InMemoryAcknowledgementsContractTest extends AcknowledgementsContract {

    private final InMemoryCasesTableFixture table = new InMemoryCasesTableFixture();

    @Override
    protected CasesTableFixture table() {
        return table;
    }
}
