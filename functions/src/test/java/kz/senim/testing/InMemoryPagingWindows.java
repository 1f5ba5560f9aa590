package kz.senim.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import kz.senim.alerting.PagingWindows;
import kz.senim.cases.Alert;
import kz.senim.directory.PagingLimit;

/** Paging windows in memory, with the conditions of the DynamoDB updates ({@code DynamoDbPagingWindows}). */
public final class InMemoryPagingWindows implements PagingWindows {

    private static final class Window {
        int pages;
        int reports;
        final TreeSet<String> regions = new TreeSet<>();
        String digestAlertId;
    }

    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, Long> stormSince = new HashMap<>();
    private final Map<String, Long> acknowledgedAt = new HashMap<>();

    @Override
    public synchronized List<Decision> decideAll(List<Alert> alerts, Function<String, PagingLimit> limits,
            Instant now) {
        List<Decision> decisions = new ArrayList<>();
        for (Alert alert : alerts) {
            PagingLimit limit = limits.apply(alert.organisationId());
            Instant start = PagingWindows.windowStart(now, limit.window());
            Window window = windows.computeIfAbsent(alert.organisationId() + "#" + start.toEpochMilli(),
                    k -> new Window());
            boolean storm = inStorm(alert.organisationId());
            if (!storm && window.pages < limit.individualPages() && window.digestAlertId == null) {
                window.pages++;
                window.reports++;
                window.regions.add(alert.region().value());
                decisions.add(new Decision.Page(start));
                continue;
            }
            window.reports++;
            window.regions.add(alert.region().value());
            if (window.digestAlertId == null) {
                window.digestAlertId = alert.alertId();
            }
            if (!window.digestAlertId.equals(alert.alertId())) {
                decisions.add(new Decision.Coalesced(window.digestAlertId, start));
                continue;
            }
            if (!storm) {
                stormSince.put(alert.organisationId(), now.toEpochMilli());
            }
            decisions.add(new Decision.Digest(window.reports, new TreeSet<>(window.regions), start));
        }
        return decisions;
    }

    @Override
    public synchronized void undo(Alert alert, Decision decision) {
        switch (decision) {
            case Decision.Page p -> {
                Window window = windows.get(alert.organisationId() + "#" + p.windowStart().toEpochMilli());
                window.pages--;
                window.reports--;
            }
            case Decision.Digest d -> windows.get(alert.organisationId() + "#" + d.windowStart().toEpochMilli())
                    .reports--;
            case Decision.Coalesced c -> { }
        }
    }

    @Override
    public synchronized void acknowledged(String organisationId, Instant at) {
        acknowledgedAt.merge(organisationId, at.toEpochMilli(), Math::max);
    }

    public synchronized boolean inStorm(String organisationId) {
        Long since = stormSince.get(organisationId);
        Long acknowledged = acknowledgedAt.get(organisationId);
        return since != null && (acknowledged == null || acknowledged < since);
    }
}
