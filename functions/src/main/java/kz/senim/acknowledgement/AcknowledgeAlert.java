package kz.senim.acknowledgement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.acknowledgement.Acknowledgements.Acknowledgement;
import kz.senim.acknowledgement.Acknowledgements.LinkUse;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;

/**
 * Acknowledges an alert: the organisation's alert (the chain a page belongs to) stops escalating, the first
 * acknowledgement takes the case for the acknowledging organisation, and it is audited, all in one transaction.
 * Acknowledging again is harmless. Who may: members of the alerted organisation and callers with national scope (a
 * national coordinator of the national secretariat); anyone else is told there is no such alert.
 */
public final class AcknowledgeAlert {

    /** Each attempt re-reads the case; it only fails this often when the case is changing all the time. */
    static final int ATTEMPTS = 5;
    static final String ACTION = "alert_acknowledged";

    private final Acknowledgements acknowledgements;
    private final Cases cases;
    private final CaseAccess access;
    private final Heard heard;
    private final Clock clock;

    /** An acknowledger nobody is told by, for whom no caller has national scope (tests). */
    public AcknowledgeAlert(Acknowledgements acknowledgements, Cases cases, Clock clock) {
        this(acknowledgements, cases, new CaseAccess(List::of), (organisationId, at) -> { }, clock);
    }

    /** @param access decides national scope for signed-in callers; a link never consults it */
    public AcknowledgeAlert(Acknowledgements acknowledgements, Cases cases, CaseAccess access, Clock clock) {
        this(acknowledgements, cases, access, (organisationId, at) -> { }, clock);
    }

    /** @param heard told of every acknowledgement (it ends the organisation's alert storm, if any) */
    public AcknowledgeAlert(Acknowledgements acknowledgements, Cases cases, Heard heard, Clock clock) {
        this(acknowledgements, cases, new CaseAccess(List::of), heard, clock);
    }

    /**
     * @param access decides national scope for signed-in callers; a link never consults it
     * @param heard  told of every acknowledgement (it ends the organisation's alert storm, if any)
     */
    public AcknowledgeAlert(Acknowledgements acknowledgements, Cases cases, CaseAccess access, Heard heard,
            Clock clock) {
        this.acknowledgements = acknowledgements;
        this.cases = cases;
        this.access = access;
        this.heard = heard;
        this.clock = clock;
    }

    /** Someone of the alerted organisation is now on it: paging may go back to one page per report. */
    @FunctionalInterface
    public interface Heard {
        void acknowledged(String alertedOrganisationId, Instant at);
    }

    public sealed interface Outcome {
        /** This acknowledgement stopped the chain; {@code tookCase} when it also took the case. */
        record Acknowledged(String alertId, Reference reference, String acknowledgedBy, Instant acknowledgedAt,
                boolean tookCase) implements Outcome { }

        /** The chain was acknowledged before; nothing changed. */
        record AlreadyAcknowledged(String alertId, Reference reference, Optional<String> acknowledgedBy,
                Optional<Instant> acknowledgedAt) implements Outcome { }

        /** No such alert, or not one the caller may acknowledge. */
        record NotFound() implements Outcome { }

        record LinkInvalid() implements Outcome { }

        record LinkUsed() implements Outcome { }

        /** The case kept changing under every attempt; nothing was written. */
        record KeptChanging() implements Outcome { }
    }

    /** A signed-in responder or coordinator acknowledges {@code alertId}. */
    public Outcome byCaller(String alertId, Caller caller) {
        Optional<AlertAddress> address = AlertAddress.parse(alertId);
        if (address.isEmpty()) {
            return new Outcome.NotFound();
        }
        if (!caller.organisationId().equals(address.get().organisationId()) && !access.national(caller)) {
            return new Outcome.NotFound();
        }
        return acknowledge(address.get(), caller.organisationId(), caller.actor(), Optional.empty());
    }

    /** The holder of a verified link acknowledges its alert, on behalf of the alerted organisation; once. */
    public Outcome byLink(AcknowledgementLinks.Link link) {
        Optional<AlertAddress> address = AlertAddress.parse(link.alertId());
        if (address.isEmpty()) {
            return new Outcome.LinkInvalid();
        }
        String organisation = address.get().organisationId();
        Outcome outcome = acknowledge(address.get(), organisation, new Actor.LinkHolder(organisation),
                Optional.of(new LinkUse(link.linkId(), link.alertId(), link.expiresAt())));
        return outcome instanceof Outcome.NotFound ? new Outcome.LinkInvalid() : outcome;
    }

    private Outcome acknowledge(AlertAddress address, String organisation, Actor actor, Optional<LinkUse> link) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<AlertState> addressed = acknowledgements.find(address);
            if (addressed.isEmpty()) {
                return new Outcome.NotFound();
            }
            Optional<AlertState> origin = addressed.get().isPage()
                    ? AlertAddress.parse(addressed.get().chainId()).flatMap(acknowledgements::find)
                    : addressed;
            if (origin.isEmpty()) {
                return new Outcome.NotFound();
            }
            if (!origin.get().isPending()) {
                if (link.isPresent() && !acknowledgements.spend(link.get(), clock.instant())) {
                    return new Outcome.LinkUsed();
                }
                return new Outcome.AlreadyAcknowledged(address.alertId(), address.reference(),
                        origin.get().acknowledgedBy(), origin.get().acknowledgedAt());
            }
            Optional<CaseFile> file = cases.find(address.reference());
            if (file.isEmpty()) {
                return new Outcome.NotFound();
            }
            Instant now = clock.instant();
            Optional<CaseFile> taken = file.get().acknowledgedBy(organisation, now) instanceof CaseFile.Change.Changed c
                    ? Optional.of(c.file()) : Optional.empty();
            AuditEntry entry = new AuditEntry(address.reference(), now, actor, ACTION, Map.of(
                    "alertId", address.alertId(),
                    "chainId", origin.get().alertId(),
                    "tookCase", Boolean.toString(taken.isPresent())));
            Optional<AlertState> page = addressed.get().isPage() ? addressed : Optional.empty();
            switch (acknowledgements.save(new Acknowledgement(origin.get(), page, organisation, now, taken, entry,
                    link))) {
                case Acknowledgements.SaveOutcome.Saved saved -> {
                    tell(address.organisationId(), now);
                    return new Outcome.Acknowledged(address.alertId(), address.reference(), organisation, now,
                            taken.isPresent());
                }
                case Acknowledgements.SaveOutcome.LinkSpent spent -> {
                    return new Outcome.LinkUsed();
                }
                case Acknowledgements.SaveOutcome.AlreadyAcknowledged first -> {
                    // read again: the next round answers as for any repeated acknowledgement
                }
                case Acknowledgements.SaveOutcome.CaseChanged changed -> {
                    // someone else changed the case: read it again and redo the change over the new version
                }
            }
        }
        return new Outcome.KeptChanging();
    }

    /** Best effort: the acknowledgement stands whatever becomes of this. */
    private void tell(String alertedOrganisationId, Instant at) {
        try {
            heard.acknowledged(alertedOrganisationId, at);
        } catch (RuntimeException notTold) {
            // the storm then goes on (one digest page per window) until the next acknowledgement
        }
    }
}
