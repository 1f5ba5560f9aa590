package kz.senim.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.acknowledgement.AlertAddress;
import kz.senim.acknowledgement.AlertState;
import kz.senim.acknowledgement.AlertStatus;
import kz.senim.cases.Alert;
import kz.senim.cases.Cases;
import kz.senim.cases.StorageUnavailable;
import kz.senim.escalation.PendingAlert;
import kz.senim.escalation.PendingAlerts;

/**
 * The alert items of cases in memory, seen by acknowledgement and by escalation, with the conditions of the DynamoDB
 * transactions: an acknowledgement only of a pending alert and an unspent link, a step only from the step it was read
 * at, a case change only over its version (through the given {@link InMemoryCases}, which audits it).
 */
public final class InMemoryAlerts implements Acknowledgements, PendingAlerts {

    private final InMemoryCases cases;
    private final InMemoryAuditTrail audit;
    private final Map<String, Stored> alerts = new LinkedHashMap<>();
    private final Set<String> spentLinks = new HashSet<>();

    /** @param audit the trail {@code cases} was made with: changes without a case change are audited there too */
    public InMemoryAlerts(InMemoryCases cases, InMemoryAuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    private static final class Stored {
        final Alert alert;
        AlertStatus status;
        final String chainId;
        int escalationStep;
        boolean pendingIndex;
        Instant acknowledgedAt;
        String acknowledgedBy;

        Stored(Alert alert, AlertStatus status, String chainId, int escalationStep, boolean pendingIndex) {
            this.alert = alert;
            this.status = status;
            this.chainId = chainId;
            this.escalationStep = escalationStep;
            this.pendingIndex = pendingIndex;
        }

        AlertState state() {
            return new AlertState(alert, status, chainId, Optional.ofNullable(acknowledgedAt),
                    Optional.ofNullable(acknowledgedBy));
        }
    }

    /** An organisation's alert as intake writes it: pending, step 0, in the pending index. */
    public synchronized Alert add(Alert alert) {
        alerts.put(alert.alertId(), new Stored(alert, AlertStatus.PENDING, alert.alertId(), 0, true));
        return alert;
    }

    public synchronized AlertState state(String alertId) {
        return Optional.ofNullable(alerts.get(alertId)).map(Stored::state)
                .orElseThrow(() -> new AssertionError("no alert " + alertId));
    }

    public synchronized int escalationStep(String alertId) {
        return alerts.get(alertId).escalationStep;
    }

    public synchronized boolean isInPendingIndex(String alertId) {
        return alerts.get(alertId).pendingIndex;
    }

    /** Escalation pages in the order they were written. */
    public synchronized List<Alert> pages() {
        return alerts.values().stream().filter(s -> s.status == AlertStatus.PAGE).map(s -> s.alert).toList();
    }

    public synchronized Set<String> spentLinks() {
        return Set.copyOf(spentLinks);
    }

    // --- Acknowledgements -----------------------------------------------------------------------------------------

    @Override
    public synchronized Optional<AlertState> find(AlertAddress address) {
        return Optional.ofNullable(alerts.get(address.alertId())).map(Stored::state);
    }

    @Override
    public synchronized SaveOutcome save(Acknowledgement a) {
        if (a.link().isPresent() && spentLinks.contains(a.link().get().linkId())) {
            return new SaveOutcome.LinkSpent();
        }
        Stored origin = alerts.get(a.origin().alertId());
        if (origin == null || origin.status != AlertStatus.PENDING) {
            return new SaveOutcome.AlreadyAcknowledged();
        }
        if (a.page().isPresent() && !alerts.containsKey(a.page().get().alertId())) {
            throw new StorageUnavailable("acknowledgement not stored: no such page", null);
        }
        if (a.changedCase().isPresent()) {
            if (cases.save(a.changedCase().get(), a.entry()) instanceof Cases.SaveOutcome.VersionConflict) {
                return new SaveOutcome.CaseChanged();
            }
        } else {
            audit.record(a.entry());
        }
        origin.status = AlertStatus.ACKNOWLEDGED;
        origin.acknowledgedAt = a.at();
        origin.acknowledgedBy = a.acknowledgedBy();
        origin.pendingIndex = false;
        a.page().ifPresent(page -> {
            Stored stored = alerts.get(page.alertId());
            stored.acknowledgedAt = a.at();
            stored.acknowledgedBy = a.acknowledgedBy();
        });
        a.link().ifPresent(link -> spentLinks.add(link.linkId()));
        return new SaveOutcome.Saved();
    }

    @Override
    public synchronized boolean spend(LinkUse link, Instant at) {
        return spentLinks.add(link.linkId());
    }

    @Override
    public synchronized boolean isSpent(String linkId) {
        return spentLinks.contains(linkId);
    }

    // --- PendingAlerts --------------------------------------------------------------------------------------------

    @Override
    public synchronized List<PendingAlert> pending() {
        List<PendingAlert> pending = new ArrayList<>();
        alerts.values().stream()
                .filter(s -> s.pendingIndex)
                .sorted(Comparator.comparing((Stored s) -> s.alert.createdAt()).thenComparing(s -> s.alert.alertId()))
                .forEach(s -> pending.add(new PendingAlert(s.alert, s.escalationStep)));
        return pending;
    }

    @Override
    public synchronized EscalationOutcome escalate(Escalation e) {
        Stored origin = alerts.get(e.alert().alert().alertId());
        if (origin == null || origin.status != AlertStatus.PENDING
                || origin.escalationStep != e.alert().escalationStep()) {
            return new EscalationOutcome.StepTaken();
        }
        if (e.page().isPresent() && alerts.containsKey(e.page().get().alertId())) {
            return new EscalationOutcome.PageTaken();
        }
        if (cases.save(e.changedCase(), e.entry()) instanceof Cases.SaveOutcome.VersionConflict) {
            return new EscalationOutcome.CaseChanged();
        }
        origin.escalationStep = e.nextStep();
        if (e.last()) {
            origin.pendingIndex = false;
        }
        e.page().ifPresent(page -> alerts.put(page.alertId(),
                new Stored(page, AlertStatus.PAGE, origin.alert.alertId(), e.nextStep(), false)));
        return new EscalationOutcome.Escalated();
    }

    @Override
    public synchronized void stop(PendingAlert alert) {
        Stored stored = alerts.get(alert.alert().alertId());
        if (stored != null && stored.status == AlertStatus.PENDING
                && stored.escalationStep == alert.escalationStep()) {
            stored.pendingIndex = false;
        }
    }
}
