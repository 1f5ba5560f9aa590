package kz.senim.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.OpenReferral;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;

/**
 * Cases in memory with the same optimistic locking as DynamoDB, and queue pages and cursors as its index gives them
 * ({@link FakeCursors}); audit entries go to the given trail. {@code CasesContract} holds it to the adapter.
 */
public final class InMemoryCases implements Cases {

    private static final Pattern QUEUE_KEY = Pattern.compile(
            FakeCursors.SORTABLE_FORMAT + "#" + FakeCursors.REFERENCE_FORMAT);

    private final Map<Reference, CaseFile> cases = new LinkedHashMap<>();
    private final InMemoryAuditTrail audit;

    public InMemoryCases(InMemoryAuditTrail audit) {
        this.audit = audit;
    }

    public synchronized void add(CaseFile file) {
        cases.put(file.reference(), file);
    }

    /**
     * Sets (or, empty, removes) the case's entry of one referral without moving its version, as a referral's step does
     * in DynamoDB; false when there is no such case (DynamoDB's condition would fail).
     */
    public synchronized boolean keepReferral(Reference reference, String referralId, Optional<OpenReferral> referral) {
        CaseFile current = cases.get(reference);
        if (current == null) {
            return false;
        }
        cases.put(reference, current.withReferral(referralId, referral));
        return true;
    }

    @Override
    public synchronized Optional<CaseFile> find(Reference reference) {
        return Optional.ofNullable(cases.get(reference));
    }

    @Override
    public synchronized QueuePage queue(QueueQuery query) {
        List<CaseFile> matching = cases.values().stream()
                .filter(c -> c.region().equals(query.region()))
                .filter(c -> query.status().map(s -> s == c.status()).orElse(true))
                .filter(c -> query.severity().map(s -> s == c.severity()).orElse(true))
                .filter(c -> query.category().map(s -> s == c.submission().category()).orElse(true))
                .toList();
        FakeCursors.Page<CaseFile> page = FakeCursors.page(matching, InMemoryCases::queueKey, QUEUE_KEY,
                query.region().value(), query.limit(), query.cursor());
        return new QueuePage(page.items(), page.nextCursor());
    }

    /** The queue's order: oldest first, then by reference. */
    private static String queueKey(CaseFile file) {
        return FakeCursors.sortable(file.submittedAt()) + "#" + file.reference().value();
    }

    @Override
    public synchronized SaveOutcome save(CaseFile changed, AuditEntry entry) {
        CaseFile current = cases.get(changed.reference());
        if (current == null || current.version() != changed.version() - 1) {
            return new SaveOutcome.VersionConflict();
        }
        cases.put(changed.reference(), changed);
        audit.record(entry);
        return new SaveOutcome.Saved();
    }
}
