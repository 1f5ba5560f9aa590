package kz.senim.staff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseDetails;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseMessages.MessageLine;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.CaseText;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.ReportSubmission;
import kz.senim.directory.OrganisationNames;
import kz.senim.http.HttpResponses;
import kz.senim.i18n.Language;

/**
 * The JSON of cases for responders and coordinators. A summary (queue, changes) never holds the narrative nor the
 * locality; the details of an opened case do. Free text is shown only where it is readable: as just typed (a change
 * answers with its own reason), or opened on the path that shows a case; stored, it is sealed and left out. Erased
 * text is marked {@code erased}. Absent optional values are left out. An opened case names the organisations it
 * mentions beside their ids, in the reader's language ({@code organisationName}, {@code providerName},
 * {@code takenByName}); an id the directory does not know stands alone.
 */
public final class CaseJson {

    /** Bounds of the lists the contract states (openapi.yaml maxItems); a case's latest ones are shown. */
    static final int MAX_INVOLVED = 64;
    static final int MAX_ALERTS = 200;
    static final int MAX_REFERRALS = 100;
    static final int MAX_MESSAGES = 200;

    private CaseJson() {
    }

    /** A case without anything the reporter typed: what queues and change responses show. */
    public static ObjectNode summary(CaseFile file) {
        ReportSubmission s = file.submission();
        ObjectNode json = HttpResponses.JSON.createObjectNode()
                .put("reference", file.reference().value())
                .put("status", file.status().code())
                .put("severity", file.severity().code())
                .put("category", s.category().code())
                .put("region", s.region().value())
                .put("reporterRole", s.reporterRole().code())
                .put("immediateDanger", s.immediateDanger())
                .put("policeConsent", s.policeConsent())
                .put("childInvolved", s.childInvolved())
                .put("foreignNational", s.foreignNational())
                .put("language", s.language().code())
                .put("submittedAt", file.submittedAt().toString())
                .put("updatedAt", file.updatedAt().toString());
        file.takenBy().ifPresent(v -> json.put("takenBy", v));
        file.assignee().ifPresent(v -> json.put("assignee", v));
        file.outcome().map(ClosingOutcome::code).ifPresent(v -> json.put("outcome", v));
        file.statusReason().flatMap(CaseText::readable).ifPresent(v -> json.put("statusReason", v));
        ArrayNode involved = json.putArray("involvedOrganisations");
        new TreeSet<>(file.involvedOrganisations()).stream().limit(MAX_INVOLVED).forEach(involved::add);
        json.put("openReferrals", file.openReferralCount());
        file.nextReferralDueDate().ifPresent(due -> json.put("nextReferralDueDate", due.toString()));
        json.put("version", file.version());
        return json;
    }

    /**
     * An opened case: the summary, what the reporter wrote, and its alerts, referrals and conversation; the
     * organisations it mentions named in {@code language}.
     */
    public static ObjectNode details(CaseDetails details, OrganisationNames names, Language language) {
        ReportSubmission s = details.file().submission();
        ObjectNode json = summary(details.file());
        details.file().takenBy().flatMap(id -> names.name(id, language)).ifPresent(v -> json.put("takenByName", v));
        s.locality().flatMap(CaseText::readable).ifPresent(v -> json.put("locality", v));
        s.narrative().readable().ifPresent(v -> json.put("narrative", v));
        if (s.narrative() instanceof CaseText.Erased) {
            json.put("erased", true);
        }
        ArrayNode alerts = json.putArray("alerts");
        latest(details.alerts(), MAX_ALERTS).forEach(alert -> alerts.add(
                alert(alert, names.name(alert.organisationId(), language))));
        ArrayNode referrals = json.putArray("referrals");
        latest(details.referrals(), MAX_REFERRALS).forEach(referral -> referrals.add(
                referral(referral, details.today(), names.name(referral.providerId(), language))));
        ArrayNode messages = json.putArray("messages");
        latest(details.messages(), MAX_MESSAGES).forEach(message -> messages.add(message(message)));
        return json;
    }

    /** The last {@code max} of a list kept oldest first. */
    public static <T> List<T> latest(List<T> oldestFirst, int max) {
        return oldestFirst.subList(Math.max(0, oldestFirst.size() - max), oldestFirst.size());
    }

    /** An alert, with its organisation's name when the directory knows it. */
    public static ObjectNode alert(AlertLine alert, Optional<String> organisationName) {
        ObjectNode json = HttpResponses.JSON.createObjectNode()
                .put("alertId", alert.alertId())
                .put("organisationId", alert.organisationId());
        organisationName.ifPresent(name -> json.put("organisationName", name));
        json.put("status", alert.status())
                .put("escalationStep", alert.escalationStep())
                .put("createdAt", alert.createdAt().toString());
        alert.acknowledgedAt().ifPresent(at -> json.put("acknowledgedAt", at.toString()));
        ObjectNode delivery = json.putObject("delivery")
                .put("state", alert.delivery().state().code())
                .put("attempts", alert.delivery().attempts());
        alert.delivery().lastErrorClass().ifPresent(v -> delivery.put("lastErrorClass", v));
        alert.delivery().digestAlertId().ifPresent(v -> delivery.put("digestAlertId", v));
        alert.acknowledgedBy().ifPresent(by -> {
            ObjectNode acknowledger = json.putObject("acknowledgedBy").put("type", by.type());
            by.personId().ifPresent(person -> acknowledger.put("personId", person));
            acknowledger.put("organisationId", by.organisationId());
        });
        return json;
    }

    /** A referral; {@code overdue} is judged on {@code today} (a calendar day in Kazakhstan). */
    public static ObjectNode referral(ReferralLine referral, LocalDate today) {
        return referral(referral, today, Optional.empty());
    }

    /** A referral, with its provider's name when the directory knows it. */
    public static ObjectNode referral(ReferralLine referral, LocalDate today, Optional<String> providerName) {
        ObjectNode json = HttpResponses.JSON.createObjectNode()
                .put("referralId", referral.referralId())
                .put("reference", referral.reference().value())
                .put("providerId", referral.providerId());
        providerName.ifPresent(name -> json.put("providerName", name));
        json.put("service", referral.service())
                .put("status", referral.status())
                .put("closed", !referral.isOpen())
                .put("dueDate", referral.dueDate().toString())
                .put("overdue", referral.overdueOn(today))
                .put("consentGiven", true)
                .put("consentRecordedAt", referral.consentRecordedAt().toString())
                .put("createdAt", referral.createdAt().toString())
                .put("updatedAt", referral.updatedAt().toString());
        referral.reason().flatMap(CaseText::readable).ifPresent(v -> json.put("reason", v));
        referral.closedAt().ifPresent(at -> json.put("closedAt", at.toString()));
        json.put("version", referral.version());
        return json;
    }

    public static ObjectNode message(MessageLine message) {
        ObjectNode json = HttpResponses.JSON.createObjectNode()
                .put("messageId", message.messageId())
                .put("at", message.at().toString())
                .put("direction", message.direction())
                .put("kind", message.kind());
        Optional.ofNullable(message.author()).ifPresent(v -> json.put("author", v));
        message.text().readable().ifPresent(v -> json.put("text", v));
        if (message.text() instanceof CaseText.Erased) {
            json.put("erased", true);
        }
        return json;
    }
}
