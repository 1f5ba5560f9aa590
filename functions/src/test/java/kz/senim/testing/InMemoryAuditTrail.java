package kz.senim.testing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.FiguresRead;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;

/** The audit trail in memory: a case's entries oldest first, as the adapter's sort key orders them. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final List<FiguresRead> figuresReads = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> entries(Reference reference) {
        return entries.stream().filter(e -> e.reference().equals(reference))
                .sorted(Comparator.comparing(AuditEntry::at)).toList();
    }

    public synchronized List<String> actions(Reference reference) {
        return new ArrayList<>(entries(reference).stream().map(AuditEntry::action).toList());
    }

    @Override
    public synchronized void record(FiguresRead read) {
        figuresReads.add(read);
    }

    @Override
    public synchronized List<FiguresRead> figuresReads(LocalDate day) {
        return figuresReads.stream().filter(r -> LocalDate.ofInstant(r.at(), ZoneOffset.UTC).equals(day)).toList();
    }
}
