package kz.senim.referral;

import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.InMemoryCasesTableFixture;

/** {@link ReferralsContract} against the in-memory fake the unit tests use. */
class InMemoryReferralsContractTest extends ReferralsContract {

    private final InMemoryCasesTableFixture table = new InMemoryCasesTableFixture();

    @Override
    protected CasesTableFixture table() {
        return table;
    }
}
