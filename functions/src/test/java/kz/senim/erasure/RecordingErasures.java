package kz.senim.erasure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;

/** The store as the retention index lists it, recording what the use cases ask of it. */
public class RecordingErasures implements CaseErasures {
    final List<DueCase> closed = new ArrayList<>();
    final List<DueCase> open = new ArrayList<>();
    final List<Reference> unfinished = new ArrayList<>();
    public final List<Commit> commits = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();
    final List<Reference> finished = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    final Set<Reference> changed = new HashSet<>();
    final Set<Reference> failOnCommit = new HashSet<>();

    @Override
    public List<DueCase> closedBefore(Instant before) {
        asked.add("closedBefore " + before);
        return List.copyOf(closed);
    }

    @Override
    public List<DueCase> openBefore(Instant before) {
        asked.add("openBefore " + before);
        return List.copyOf(open);
    }

    @Override
    public List<Reference> unfinished() {
        return List.copyOf(unfinished);
    }

    @Override
    public Outcome commit(Commit commit) {
        if (failOnCommit.contains(commit.file().reference())) {
            throw new StorageUnavailable("test: unavailable", null);
        }
        if (changed.contains(commit.file().reference())) {
            return new Outcome.CaseChanged();
        }
        commits.add(commit);
        return new Outcome.Stored();
    }

    @Override
    public Outcome warn(Warning warning) {
        warnings.add(warning);
        return new Outcome.Stored();
    }

    @Override
    public List<Alert> pendingAlerts(Reference reference) {
        return List.of();
    }

    @Override
    public boolean acknowledge(Alert alert, Instant at, AuditEntry entry) {
        return false;
    }

    @Override
    public void notify(List<Alert> notices) {
    }

    @Override
    public void stripContent(Reference reference) {
    }

    @Override
    public void finished(Reference reference) {
        finished.add(reference);
    }
}
