package kz.senim.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseAlerts;
import kz.senim.cases.Reference;

/** The alerts of cases as tests set them up, read in the order they were raised (time, step, id) as the adapter does. */
public final class InMemoryCaseAlerts implements CaseAlerts {

    private final Map<Reference, List<AlertLine>> alerts = new LinkedHashMap<>();

    public synchronized void add(Reference reference, AlertLine alert) {
        alerts.computeIfAbsent(reference, r -> new ArrayList<>()).add(alert);
    }

    @Override
    public synchronized List<AlertLine> of(Reference reference) {
        return alerts.getOrDefault(reference, List.of()).stream()
                .sorted(Comparator.comparing(AlertLine::createdAt).thenComparing(AlertLine::escalationStep)
                        .thenComparing(AlertLine::alertId))
                .toList();
    }
}
