package kz.senim.cases;

import kz.senim.audit.AuditTrail;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCases;

/** {@link CasesContract} against the in-memory fake the unit tests use. */
class InMemoryCasesContractTest extends CasesContract {

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);

    @Override
    protected Cases cases() {
        return cases;
    }

    @Override
    protected AuditTrail audit() {
        return audit;
    }

    @Override
    protected void store(CaseFile file) {
        cases.add(file);
    }
}
