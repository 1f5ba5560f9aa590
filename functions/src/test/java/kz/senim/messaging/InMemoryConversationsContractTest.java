package kz.senim.messaging;

import kz.senim.audit.AuditTrail;
import kz.senim.cases.CaseFile;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.InMemoryConversations;

/** {@link ConversationsContract} against the in-memory fake the unit tests use. */
class InMemoryConversationsContractTest extends ConversationsContract {

    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryConversations conversations = new InMemoryConversations(cases, audit);

    @Override
    protected Conversations conversations() {
        return conversations;
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
