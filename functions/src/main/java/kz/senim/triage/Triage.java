package kz.senim.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.senim.cases.Category;
import kz.senim.cases.ReporterRole;
import kz.senim.cases.Severity;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.directory.OrganisationType;

/**
 * Decides severity and routing. Who covers what comes from the {@link Directory} (data); the rules of the brief that
 * must hold whatever the data says are here: police only with consent or immediate danger, and a report nobody
 * regional covers goes to the national secretariat.
 */
public final class Triage {

    private static final Set<Category> GRAVE_CATEGORIES = Set.of(Category.SEXUAL_EXPLOITATION, Category.ORGAN_REMOVAL);
    private static final Set<OrganisationType> ACCOUNTABLE =
            Set.of(OrganisationType.REGIONAL_COMMISSION, OrganisationType.NATIONAL_SECRETARIAT);

    private final Directory directory;

    public Triage(Directory directory) {
        this.directory = directory;
    }

    public TriageDecision triage(TriageFacts facts) {
        List<Organisation> organisations = directory.organisations();
        List<Organisation> recipients = new ArrayList<>(organisations.stream()
                .filter(o -> o.serves(facts.region()) && o.handles(facts.category()))
                .filter(o -> wantsToHear(o, facts))
                .filter(o -> o.type() != OrganisationType.POLICE || facts.policeConsent() || facts.immediateDanger())
                .toList());
        if (recipients.stream().noneMatch(o -> ACCOUNTABLE.contains(o.type()))) {
            organisations.stream()
                    .filter(o -> o.type() == OrganisationType.NATIONAL_SECRETARIAT)
                    .forEach(recipients::add);
        }
        if (recipients.isEmpty()) {
            throw new IllegalStateException("the directory has no national secretariat to fall back on");
        }
        return new TriageDecision(severity(facts), recipients);
    }

    static Severity severity(TriageFacts facts) {
        if (facts.immediateDanger()) {
            return Severity.CRITICAL;
        }
        if (facts.childInvolved() || GRAVE_CATEGORIES.contains(facts.category())) {
            return Severity.HIGH;
        }
        if (facts.reporterRole() == ReporterRole.VICTIM
                || (facts.category() != Category.UNKNOWN && facts.category() != Category.OTHER)) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    private static boolean wantsToHear(Organisation organisation, TriageFacts facts) {
        return switch (organisation.alertWhen()) {
            case ALWAYS -> true;
            case VICTIM_REPORT -> facts.reporterRole() == ReporterRole.VICTIM;
            case FOREIGN_NATIONAL -> facts.foreignNational();
            case CHILD_INVOLVED -> facts.childInvolved();
            case POLICE_CONSENT_OR_DANGER -> facts.policeConsent() || facts.immediateDanger();
            case UNKNOWN_REGION -> facts.region().isUnknown();
        };
    }
}
