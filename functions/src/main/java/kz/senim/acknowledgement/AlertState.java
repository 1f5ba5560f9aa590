package kz.senim.acknowledgement;

import java.time.Instant;
import java.util.Optional;
import kz.senim.cases.Alert;

/**
 * An alert as acknowledgement sees it: the alert, whether it is pending, acknowledged or a page, and its chain (the
 * id of the organisation's alert a page escalates; an organisation's alert is its own chain).
 */
public record AlertState(
        Alert alert,
        AlertStatus status,
        String chainId,
        Optional<Instant> acknowledgedAt,
        Optional<String> acknowledgedBy) {

    public boolean isPage() {
        return status == AlertStatus.PAGE;
    }

    public boolean isPending() {
        return status == AlertStatus.PENDING;
    }

    public String alertId() {
        return alert.alertId();
    }
}
