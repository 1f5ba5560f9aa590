package kz.senim.intake;

import kz.senim.cases.CaseContent;
import kz.senim.cases.Reference;
import kz.senim.testing.InMemoryCaseKeys;
import kz.senim.testing.InMemoryReports;
import kz.senim.testing.TestContent;

/** {@link ReportsContract} against the in-memory fake the unit tests use. */
class InMemoryReportsContractTest extends ReportsContract {

    private final InMemoryReports reports = new InMemoryReports(clock);

    @Override
    protected Reports reports() {
        return reports;
    }

    @Override
    protected CaseContent content() {
        return TestContent.content(new InMemoryCaseKeys());
    }

    @Override
    protected void eraseReceipt(Reference reference) {
        reports.eraseReceipt(reference);
    }
}
