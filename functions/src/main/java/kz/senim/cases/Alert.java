package kz.senim.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One organisation's alert about one report: written to the outbox with the report, then published. Its id is the
 * dedup key downstream (reference + organisation), so an alert published twice is recognisably the same alert.
 *
 * <p>A {@link Notice} goes out through the same outbox: it tells an organisation something about a case it already
 * knows (its content is due for erasure, its referrals were revoked). A notice asks for no acknowledgement and never
 * escalates.
 */
public record Alert(
        String alertId,
        Reference reference,
        String organisationId,
        RegionCode region,
        Category category,
        Severity severity,
        Instant createdAt,
        Optional<Notice> notice) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    public Alert {
        Objects.requireNonNull(notice, "notice");
    }

    /** An alert about a new report or an escalation page: not a notice. */
    public Alert(String alertId, Reference reference, String organisationId, RegionCode region, Category category,
            Severity severity, Instant createdAt) {
        this(alertId, reference, organisationId, region, category, severity, createdAt, Optional.empty());
    }

    public static Alert of(Reference reference, String organisationId, RegionCode region, Category category,
            Severity severity, Instant createdAt) {
        return new Alert(reference.value() + "." + organisationId, reference, organisationId, region, category,
                severity, createdAt);
    }

    /**
     * A notice to {@code organisationId} about a case, at low severity (it is news, not an emergency). Its id is
     * {@code <reference>.<organisation>.n-<kind>} (and the due day, for an erasure), so the same notice is written
     * once, and it is no alert that can be acknowledged.
     */
    public static Alert notice(Reference reference, String organisationId, RegionCode region, Category category,
            Notice notice, Instant createdAt) {
        String id = reference.value() + "." + organisationId + ".n-" + notice.kind().code().replace('_', '-')
                + notice.dueAt().map(due -> "-" + DAY.format(due)).orElse("");
        return new Alert(id, reference, organisationId, region, category, Severity.LOW, createdAt,
                Optional.of(notice));
    }

    public boolean isNotice() {
        return notice.isPresent();
    }

    /** What a notice says; {@code dueAt} is when the case's content will be erased, for that kind. */
    public record Notice(Kind kind, Optional<Instant> dueAt) {

        public Notice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        public static Notice erasureDue(Instant dueAt) {
            return new Notice(Kind.CONTENT_ERASURE_DUE, Optional.of(dueAt));
        }

        public static Notice referralsRevoked() {
            return new Notice(Kind.REFERRALS_REVOKED, Optional.empty());
        }

        public enum Kind {
            /** The case's content will be erased on {@code dueAt} unless someone works the case before. */
            CONTENT_ERASURE_DUE,
            /** The reporter withdrew the report: the organisation's referrals of the case are revoked. */
            REFERRALS_REVOKED;

            public String code() {
                return name().toLowerCase(Locale.ROOT);
            }

            public static Optional<Kind> fromCode(String code) {
                return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
            }
        }
    }
}
