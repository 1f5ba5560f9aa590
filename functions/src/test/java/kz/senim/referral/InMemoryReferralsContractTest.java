package kz.senim.referral;

import kz.senim.audit.AuditTrail;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.InMemoryReferrals;

/** {@link ReferralsContract} against the in-memory fake the unit tests use. */
class InMemoryReferralsContractTest extends ReferralsContract {

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryReferrals referrals = new InMemoryReferrals(cases, audit);

    @Override
    protected Referrals referrals() {
        return referrals;
    }

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
