package kz.senim.cases;

import java.time.LocalDate;
import java.util.List;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseMessages.MessageLine;
import kz.senim.cases.CaseReferrals.ReferralLine;

/** Everything a responder sees when they open a case; {@code today} is the calendar day overdue referrals are judged on. */
public record CaseDetails(CaseFile file, List<AlertLine> alerts, List<ReferralLine> referrals,
        List<MessageLine> messages, LocalDate today) {

    public CaseDetails {
        alerts = List.copyOf(alerts);
        referrals = List.copyOf(referrals);
        messages = List.copyOf(messages);
    }

    @Override
    public String toString() {
        return "CaseDetails[" + file + ", " + alerts.size() + " alerts, " + referrals.size() + " referrals, "
                + messages.size() + " messages]";
    }
}
