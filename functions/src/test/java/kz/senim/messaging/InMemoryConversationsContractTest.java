package kz.senim.messaging;

import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.InMemoryCasesTableFixture;

/** {@link ConversationsContract} against the in-memory fake the unit tests use. */
class InMemoryConversationsContractTest extends ConversationsContract {

    private final InMemoryCasesTableFixture table = new InMemoryCasesTableFixture();

    @Override
    protected CasesTableFixture table() {
        return table;
    }
}
