package kz.senim.alerting;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.regions.RegionCatalogue;

/**
 * How an alert reads for a person on call, in the organisation's language: the SMS, the e-mail, and the words the
 * acknowledgement page uses (urgency, category, region, the case in the console). Texts are in the message bundles
 * ({@code alert.*}, {@code category.*}); region names in {@code kz-regions.json}. Notices (an erasure due, referrals
 * revoked) have texts of their own ({@code alert.notice.*}), which ask for nothing to be acknowledged.
 *
 * <p>An SMS is at most {@value #SMS_LIMIT} UTF-16 units: two UCS-2 segments of 67, which Kazakh and Russian letters
 * need. It says as much as fits, from the first form that does: all facts and a label for the link; without the
 * label; without the word "urgency"; the region as its code; urgency, category, reference and link; urgency,
 * reference and link (the page behind the link shows the rest); and without a link only when the link alone is too
 * long, asking to acknowledge in the console. With a link of up to {@value #LINK_FOR_EVERY_FACT} characters every
 * fact is in words in every language, and with the API's own URL (up to 100) the link always goes out: a test renders
 * every language, category, region and urgency.
 */
public final class AlertWording {

    public static final int SMS_LIMIT = 134;
    /** SNS refuses a subject of 100 characters or more. */
    public static final int SUBJECT_LIMIT = 100;
    /** The longest acknowledgement link with which an SMS still names category and region, in every language. */
    public static final int LINK_FOR_EVERY_FACT = 48;
    /** Where the console shows a case: its hash route, after the console's base URL. */
    public static final String CONSOLE_CASE_ROUTE = "#/case/";
    /** Kazakhstan's time (UTC+5 since 2024), in which e-mails give the time of the report. */
    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter REPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'xxx",
            Locale.ROOT);
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /** The day a notice's erasure is due, in Kazakhstan: numeric, so it reads alike in every language. */
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final RegionCatalogue regions;
    private final Optional<String> consoleBaseUrl;

    /** @param consoleBaseUrl where the staff console is, e.g. {@code https://console.senim.kz/}; empty: no links */
    public AlertWording(RegionCatalogue regions, Optional<String> consoleBaseUrl) {
        this.regions = regions;
        this.consoleBaseUrl = consoleBaseUrl.map(String::strip).filter(AlertWording::isWebAddress)
                .map(base -> base.replaceAll("/+$", "") + "/");
    }

    /**
     * What a message tells people about: one case, a window's digest of a flood of reports, or a notice about a case
     * the organisation knows (never a digest: notices are not counted in windows).
     */
    public sealed interface Subject {
        record OneCase(Alert alert) implements Subject { }

        /** The alert that carries the digest (its link acknowledges it, which ends the storm) and the digest. */
        record Digest(Alert alert, PagingWindows.Decision.Digest digest) implements Subject { }

        /** A notice: the case's content is due for erasure, or its referrals were revoked. Nothing to acknowledge. */
        record Notice(Alert alert, Alert.Notice notice) implements Subject { }

        static Subject of(Alert alert, Optional<PagingWindows.Decision.Digest> digest) {
            if (alert.notice().isPresent()) {
                return new Notice(alert, alert.notice().get());
            }
            return digest.<Subject>map(d -> new Digest(alert, d)).orElseGet(() -> new OneCase(alert));
        }
    }

    /**
     * The SMS and e-mail of an alert.
     *
     * @param organisationName the alerted organisation, as its people know it (the e-mail greets it)
     */
    public AlertTexts texts(Subject subject, Language language, Optional<String> acknowledgeUrl,
            String organisationName) {
        return switch (subject) {
            case Subject.OneCase one -> oneCase(one.alert(), language, acknowledgeUrl, organisationName);
            case Subject.Digest digest -> digest(digest, language, acknowledgeUrl, organisationName);
            case Subject.Notice notice -> notice(notice, language, organisationName);
        };
    }

    /** The urgency as a word in a sentence, e.g. "high". */
    public String urgency(Severity severity, Language language) {
        return Messages.text(language, "ack.severity." + severity.code());
    }

    public String category(Category category, Language language) {
        return Messages.text(language, "category." + category.code());
    }

    /** The region's full name, or "region unknown". */
    public String region(RegionCode region, Language language) {
        return regions.region(region).map(r -> r.name(language))
                .orElseGet(() -> Messages.text(language, "alert.region.unknown"));
    }

    /** The region's name as an SMS gives it ("ВКО", "Абай обл."). */
    public String regionShort(RegionCode region, Language language) {
        return regions.region(region).map(r -> r.shortName(language))
                .orElseGet(() -> Messages.text(language, "alert.region.unknown"));
    }

    /** The case in the staff console (signing in is the console's business); empty when no console is set. */
    public Optional<String> caseUrl(Reference reference) {
        return consoleBaseUrl.map(base -> base + CONSOLE_CASE_ROUTE + reference.value());
    }

    private AlertTexts oneCase(Alert alert, Language language, Optional<String> link, String organisationName) {
        String urgency = urgency(alert.severity(), language);
        String category = category(alert.category(), language);
        String region = region(alert.region(), language);
        String reference = alert.reference().value();
        String subject = Messages.text(language, "alert.email.subject", urgency, category,
                regionShort(alert.region(), language), reference);
        List<String> body = new ArrayList<>();
        body.add(Messages.text(language, "alert.email.intro", organisationName));
        body.add("");
        body.add(Messages.text(language, "alert.email.urgency", urgency));
        body.add(Messages.text(language, "alert.email.category", category));
        body.add(Messages.text(language, "alert.email.region", region));
        body.add(Messages.text(language, "alert.email.reference", reference));
        body.add(Messages.text(language, "alert.email.reported", REPORTED.format(alert.createdAt().atZone(KAZAKHSTAN))));
        body.add("");
        body.add(link.map(url -> Messages.text(language, "alert.email.acknowledge", url))
                .orElseGet(() -> Messages.text(language, "alert.email.acknowledge_signed_in")));
        caseUrl(alert.reference()).ifPresent(url -> body.add(Messages.text(language, "alert.email.case", url)));
        body.add("");
        body.add(Messages.text(language, "alert.email.confidential"));
        return new AlertTexts(sms(alert, language, link), fit(subject, SUBJECT_LIMIT - 1), String.join("\n", body));
    }

    /**
     * A window's digest: how many reports, from which regions, since when, and that every one of them waits in the
     * console. The acknowledgement link (the carrying alert's) ends the storm for the organisation.
     */
    private AlertTexts digest(Subject.Digest subject, Language language, Optional<String> link,
            String organisationName) {
        PagingWindows.Decision.Digest digest = subject.digest();
        String count = Integer.toString(digest.count());
        String since = SINCE.format(digest.windowStart().atZone(KAZAKHSTAN));
        List<String> shortNames = digest.regions().stream()
                .map(code -> regionShort(new RegionCode(code), language)).toList();
        List<String> fullNames = digest.regions().stream().map(code -> region(new RegionCode(code), language)).toList();
        List<String> forms = new ArrayList<>();
        for (String regionList : List.of(String.join(", ", shortNames), String.join(", ", digest.regions()))) {
            link.ifPresent(url -> forms.add(Messages.text(language, "alert.digest.sms", count, regionList, since, url)));
            forms.add(Messages.text(language, "alert.digest.sms.no_link", count, regionList, since));
        }
        String sms = forms.stream().filter(form -> form.length() <= SMS_LIMIT).findFirst()
                .orElseGet(() -> fit(forms.getLast(), SMS_LIMIT));
        List<String> body = new ArrayList<>();
        body.add(Messages.text(language, "alert.digest.email.intro", organisationName));
        body.add("");
        body.add(Messages.text(language, "alert.digest.email.count", count, since));
        body.add(Messages.text(language, "alert.digest.email.regions", String.join(", ", fullNames)));
        body.add("");
        body.add(Messages.text(language, "alert.digest.email.paused"));
        consoleBaseUrl.ifPresent(base -> body.add(Messages.text(language, "alert.digest.email.console", base)));
        body.add(link.map(url -> Messages.text(language, "alert.email.acknowledge", url))
                .orElseGet(() -> Messages.text(language, "alert.email.acknowledge_signed_in")));
        body.add("");
        body.add(Messages.text(language, "alert.email.confidential"));
        String emailSubject = Messages.text(language, "alert.digest.email.subject", count, since);
        return new AlertTexts(sms, fit(emailSubject, SUBJECT_LIMIT - 1), String.join("\n", body));
    }

    /**
     * A notice: which case, what happens to it (its content erased on a day unless someone works it; its referrals
     * revoked because the reporter withdrew it), and that nothing needs acknowledging. It carries no link that acts:
     * the e-mail of an erasure notice links to the case in the console, where working the case keeps its content.
     */
    private AlertTexts notice(Subject.Notice subject, Language language, String organisationName) {
        Alert alert = subject.alert();
        String kind = "alert.notice." + subject.notice().kind().code();
        String reference = alert.reference().value();
        String due = subject.notice().dueAt().map(at -> DUE.format(at.atZone(KAZAKHSTAN))).orElse("");
        String region = regionShort(alert.region(), language);
        List<String> forms = List.of(Messages.text(language, kind + ".sms", reference, region, due),
                Messages.text(language, kind + ".sms.short", reference, region, due));
        String sms = forms.stream().filter(form -> form.length() <= SMS_LIMIT).findFirst()
                .orElseGet(() -> fit(forms.getLast(), SMS_LIMIT));
        List<String> body = new ArrayList<>();
        body.add(Messages.text(language, "alert.notice.email.intro", organisationName));
        body.add("");
        body.add(Messages.text(language, kind + ".email", reference, due));
        body.add("");
        body.add(Messages.text(language, "alert.email.category", category(alert.category(), language)));
        body.add(Messages.text(language, "alert.email.region", region(alert.region(), language)));
        body.add(Messages.text(language, "alert.email.reference", reference));
        if (subject.notice().kind() == Alert.Notice.Kind.CONTENT_ERASURE_DUE) {
            caseUrl(alert.reference()).ifPresent(url -> body.add(Messages.text(language, "alert.email.case", url)));
        }
        body.add("");
        body.add(Messages.text(language, "alert.notice.email.no_action"));
        String emailSubject = Messages.text(language, kind + ".email.subject", reference, due);
        return new AlertTexts(sms, fit(emailSubject, SUBJECT_LIMIT - 1), String.join("\n", body));
    }

    private String sms(Alert alert, Language language, Optional<String> link) {
        String urgency = Messages.text(language, "alert.urgency." + alert.severity().code());
        String category = category(alert.category(), language);
        String region = regionShort(alert.region(), language);
        String regionCode = alert.region().isUnknown() ? region : alert.region().value();
        String reference = alert.reference().value();
        List<String> forms = new ArrayList<>();
        link.ifPresent(url -> {
            for (String form : List.of("alert.sms", "alert.sms.compact", "alert.sms.terse")) {
                forms.add(Messages.text(language, form, urgency, category, region, reference, url));
            }
            forms.add(Messages.text(language, "alert.sms.terse", urgency, category, regionCode, reference, url));
            forms.add(Messages.text(language, "alert.sms.brief", urgency, category, region, reference, url));
            forms.add(Messages.text(language, "alert.sms.minimal", urgency, category, region, reference, url));
        });
        forms.add(Messages.text(language, "alert.sms.no_link", urgency, category, region, reference));
        forms.add(Messages.text(language, "alert.sms.no_link", urgency, category, regionCode, reference));
        return forms.stream().filter(form -> form.length() <= SMS_LIMIT).findFirst()
                .orElseGet(() -> fit(urgency + " " + reference, SMS_LIMIT));
    }

    /** Cut to at most {@code limit} UTF-16 units, never inside a surrogate pair. */
    private static String fit(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
        return text.substring(0, end);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
