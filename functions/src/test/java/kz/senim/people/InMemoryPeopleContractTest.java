package kz.senim.people;

import kz.senim.testing.InMemoryPeople;

/** The in-memory people directory keeps the promises of {@link PeopleContract}. */
class InMemoryPeopleContractTest extends PeopleContract {

    @Override
    protected People empty() {
        return new InMemoryPeople();
    }
}
