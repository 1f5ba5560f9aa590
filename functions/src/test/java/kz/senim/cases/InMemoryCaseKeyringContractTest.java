package kz.senim.cases;

import kz.senim.testing.InMemoryCaseKeys;

/** {@link CaseKeyringContract} against the in-memory keys the unit tests use. */
class InMemoryCaseKeyringContractTest extends CaseKeyringContract {

    private final InMemoryCaseKeys keys = new InMemoryCaseKeys();

    @Override
    protected CaseKeyring keyring() {
        return keys;
    }

    @Override
    protected void keep(CaseKey key) {
        keys.keep(key);
    }
}
