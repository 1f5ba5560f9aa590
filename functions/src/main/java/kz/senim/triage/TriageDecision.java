package kz.senim.triage;

import java.util.List;
import kz.senim.cases.Severity;
import kz.senim.directory.Organisation;

/** How urgent a report is and which organisations are alerted, each once. */
public record TriageDecision(Severity severity, List<Organisation> recipients) {

    public TriageDecision {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a report must alert at least one organisation");
        }
    }
}
