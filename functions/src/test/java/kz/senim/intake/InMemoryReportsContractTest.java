package kz.senim.intake;

import kz.senim.testing.InMemoryReports;

/** {@link ReportsContract} against the in-memory fake the unit tests use. */
class InMemoryReportsContractTest extends ReportsContract {

    private final InMemoryReports reports = new InMemoryReports(clock);

    @Override
    protected Reports reports() {
        return reports;
    }
}
