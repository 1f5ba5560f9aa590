package kz.senim.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import kz.senim.cases.StorageUnavailable;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;
import kz.senim.referral.Referrals;

/**
 * Referrals in memory with the same rules as DynamoDB: a new referral is stored only with its case change (over the
 * case's version, the referral open on it) and its audit line, all or nothing; a change only over the version it was
 * made from, with the case's entry of the referral set or removed (the case's version stays); a provider's pages and
 * cursors as its index gives them ({@link FakeCursors}). {@code ReferralsContract} holds it to the adapter.
 */
public final class InMemoryReferrals implements Referrals {

    /** A provider's list: soonest due first, then by id. */
    private static final Pattern PROVIDER_KEY = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}#" + FakeCursors.REFERENCE_FORMAT + "\\.R[0-9A-HJKMNP-TV-Z]{4}");

    private final Map<ReferralId, Referral> referrals = new LinkedHashMap<>();
    private final Map<String, StaffKey> staffKeys = new HashMap<>();
    private final InMemoryCases cases;
    private final InMemoryAuditTrail audit;

    public InMemoryReferrals(InMemoryCases cases, InMemoryAuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** Puts a referral in place as it is, without audit (a test's starting point). */
    public synchronized void add(Referral referral) {
        referrals.put(referral.id(), referral);
    }

    public synchronized List<Referral> all() {
        return List.copyOf(referrals.values());
    }

    @Override
    public synchronized Optional<Referral> find(ReferralId id) {
        return Optional.ofNullable(referrals.get(id));
    }

    @Override
    public synchronized List<Referral> of(Reference reference) {
        return referrals.values().stream().filter(r -> r.reference().equals(reference))
                .sorted(Comparator.comparing(Referral::createdAt).thenComparing(r -> r.id().value()))
                .toList();
    }

    @Override
    public CreateOutcome create(Referral referral, CaseFile changedCase, AuditEntry entry) {
        synchronized (cases) {
            synchronized (this) {
                if (referrals.containsKey(referral.id())) {
                    return new CreateOutcome.IdTaken();
                }
                if (cases.save(changedCase.withReferral(referral.id().value(), referral.onCase()), entry)
                        instanceof Cases.SaveOutcome.VersionConflict) {
                    return new CreateOutcome.CaseChanged();
                }
                referrals.put(referral.id(), referral);
                return new CreateOutcome.Created();
            }
        }
    }

    @Override
    public CreateOutcome create(Referral referral, CaseFile changedCase, AuditEntry entry, StaffKey key) {
        synchronized (cases) {
            synchronized (this) {
                String id = referral.reference().value() + "|" + key.keyHash();
                if (staffKeys.containsKey(id)) {
                    return new CreateOutcome.KeyTaken();
                }
                CreateOutcome outcome = create(referral, changedCase, entry);
                if (outcome instanceof CreateOutcome.Created) {
                    staffKeys.put(id, key);
                }
                return outcome;
            }
        }
    }

    @Override
    public synchronized Optional<StaffKey> staffKey(Reference reference, String keyHash) {
        return Optional.ofNullable(staffKeys.get(reference.value() + "|" + keyHash));
    }

    @Override
    public SaveOutcome save(Referral changed, AuditEntry entry) {
        synchronized (cases) {
            synchronized (this) {
                Referral current = referrals.get(changed.id());
                if (current == null || current.version() != changed.version() - 1) {
                    return new SaveOutcome.VersionConflict();
                }
                if (!cases.keepReferral(changed.reference(), changed.id().value(), changed.onCase())) {
                    throw new StorageUnavailable("referral change not stored", null);
                }
                referrals.put(changed.id(), changed);
                audit.record(entry);
                return new SaveOutcome.Saved();
            }
        }
    }

    @Override
    public synchronized ProviderPage forProvider(ProviderQuery query) {
        List<Referral> matching = referrals.values().stream()
                .filter(r -> r.providerId().equals(query.providerId()))
                .filter(r -> query.status().map(s -> s == r.status()).orElse(true))
                .toList();
        FakeCursors.Page<Referral> page = FakeCursors.page(matching, r -> r.dueDate() + "#" + r.id().value(),
                PROVIDER_KEY, query.providerId(), query.limit(), query.cursor());
        return new ProviderPage(page.items(), page.nextCursor());
    }
}
