package kz.senim.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.CaseText;
import kz.senim.cases.OpenReferral;
import kz.senim.cases.Reference;
import kz.senim.directory.ServiceType;

/**
 * A person referred to a service provider of the directory (shelter, legal aid, …) with the reporter's consent, to be
 * served by {@code dueDate}. Every change returns a new referral with the version moved on; stores accept it only
 * over the version it was made from. A rejection's or revocation's reason is free text: plain as typed, sealed as
 * stored.
 *
 * <p>in_progress → accepted | rejected; accepted → done; in_progress | accepted → revoked; done | rejected | revoked →
 * closed (by a coordinator). A closed referral changes no more.
 */
public record Referral(
        ReferralId id,
        String providerId,
        ServiceType service,
        ReferralStatus status,
        LocalDate dueDate,
        Instant consentRecordedAt,
        Optional<CaseText> reason,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> closedAt) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(consentRecordedAt, "consentRecordedAt");
    }

    /** A new referral, in progress, with consent recorded now. */
    public static Referral create(ReferralId id, String providerId, ServiceType service, LocalDate dueDate,
            Instant now) {
        return new Referral(id, providerId, service, ReferralStatus.IN_PROGRESS, dueDate, now, Optional.empty(), 1,
                now, now, Optional.empty());
    }

    public Reference reference() {
        return id.reference();
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    public Change apply(ReferralTransition to, Optional<String> newReason, Instant at) {
        if (!isOpen()) {
            return new Change.Illegal();
        }
        return switch (to) {
            case ACCEPTED -> from(ReferralStatus.IN_PROGRESS, ReferralStatus.ACCEPTED, reason, at);
            case REJECTED -> from(ReferralStatus.IN_PROGRESS, ReferralStatus.REJECTED,
                    newReason.map(CaseText::plain), at);
            case DONE -> from(ReferralStatus.ACCEPTED, ReferralStatus.DONE, reason, at);
            case REVOKED -> status == ReferralStatus.IN_PROGRESS || status == ReferralStatus.ACCEPTED
                    ? changed(ReferralStatus.REVOKED, newReason.map(CaseText::plain), Optional.empty(), at)
                    : new Change.Illegal();
            case CLOSED -> status == ReferralStatus.IN_PROGRESS || status == ReferralStatus.ACCEPTED
                    ? new Change.Illegal() : changed(status, reason, Optional.of(at), at);
        };
    }

    private Change from(ReferralStatus required, ReferralStatus next, Optional<CaseText> nextReason, Instant at) {
        return status == required ? changed(next, nextReason, Optional.empty(), at) : new Change.Illegal();
    }

    private Change changed(ReferralStatus next, Optional<CaseText> nextReason, Optional<Instant> closing, Instant at) {
        return new Change.Changed(new Referral(id, providerId, service, next, dueDate, consentRecordedAt, nextReason,
                version + 1, createdAt, at, closing));
    }

    /** The referral in plain values, as case work shows it. */
    public ReferralLine line() {
        return new ReferralLine(id.value(), reference(), providerId, service.code(), status.code(), dueDate,
                consentRecordedAt, reason, version, createdAt, updatedAt, closedAt);
    }

    /** The referral as its case keeps it while no coordinator has closed it; empty once closed. */
    public Optional<OpenReferral> onCase() {
        return isOpen() ? Optional.of(new OpenReferral(id.value(), providerId, status.code(), dueDate))
                : Optional.empty();
    }

    /** What a requested change came to. */
    public sealed interface Change {
        record Changed(Referral referral) implements Change { }

        /** Not allowed from where the referral stands (answered {@code 409 referral_transition}). */
        record Illegal() implements Change { }
    }

    @Override
    public String toString() {
        return "Referral[" + id + ", " + providerId + ", " + service.code() + ", " + status.code()
                + (isOpen() ? "" : ", closed") + ", v" + version + "]";
    }
}
