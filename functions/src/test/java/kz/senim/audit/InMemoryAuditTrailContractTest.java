package kz.senim.audit;

import kz.senim.testing.InMemoryAuditTrail;

/** {@link AuditTrailContract} against the in-memory fake the unit tests use. */
class InMemoryAuditTrailContractTest extends AuditTrailContract {

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();

    @Override
    protected AuditTrail audit() {
        return audit;
    }
}
