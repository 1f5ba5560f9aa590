package kz.senim.cases;

import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.InMemoryCasesTableFixture;

/** {@link CasesContract} against the in-memory fake the unit tests use. */
class InMemoryCasesContractTest extends CasesContract {

    private final InMemoryCasesTableFixture table = new InMemoryCasesTableFixture();

    @Override
    protected CasesTableFixture table() {
        return table;
    }
}
