package kz.senim.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseDetails;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseMessages.MessageLine;
import kz.senim.cases.CaseText;
import kz.senim.directory.OrganisationNames;
import kz.senim.i18n.Language;
import kz.senim.testing.CaseFiles;
import org.junit.jupiter.api.Test;

/** An opened case shows at most what the contract bounds (openapi.yaml maxItems): the latest ones. */
class CaseJsonTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    private static AlertLine alert(int n) {
        return new AlertLine("SN-7Q2K-9M4D-XW3P.org-" + n, "org-" + n, "pending", 0, AT.plusSeconds(n),
                Optional.empty());
    }

    private static MessageLine message(int n) {
        return new MessageLine("M" + String.format("%016d", n), AT.plusSeconds(n), "to_reporter", "question",
                "person-dana", CaseText.plain("question " + n));
    }

    @Test
    void an_opened_case_shows_the_latest_alerts_and_messages_up_to_the_contracts_bound() {
        CaseFile file = CaseFiles.receivedInAlmaty("SN-7Q2K-9M4D-XW3P", AT);
        List<AlertLine> alerts = IntStream.rangeClosed(1, CaseJson.MAX_ALERTS + 5).mapToObj(CaseJsonTest::alert)
                .toList();
        List<MessageLine> messages = IntStream.rangeClosed(1, CaseJson.MAX_MESSAGES + 1)
                .mapToObj(CaseJsonTest::message).toList();

        ObjectNode json = CaseJson.details(new CaseDetails(file, alerts, List.of(), messages, LocalDate.of(2026, 11, 23)),
                OrganisationNames.NONE, Language.RU);

        assertThat(json.path("alerts")).hasSize(CaseJson.MAX_ALERTS);
        assertThat(json.path("alerts").path(0).path("organisationId").asText()).isEqualTo("org-6");
        assertThat(json.path("alerts").path(CaseJson.MAX_ALERTS - 1).path("organisationId").asText())
                .isEqualTo("org-" + (CaseJson.MAX_ALERTS + 5));
        assertThat(json.path("messages")).hasSize(CaseJson.MAX_MESSAGES);
        assertThat(json.path("messages").path(0).path("text").asText()).isEqualTo("question 2");
    }

    @Test
    void a_case_within_the_bounds_shows_everything() {
        CaseFile file = CaseFiles.receivedInAlmaty("SN-7Q2K-9M4D-XW3P", AT);

        ObjectNode json = CaseJson.details(new CaseDetails(file, List.of(alert(1), alert(2)), List.of(),
                List.of(message(1)), LocalDate.of(2026, 11, 23)), OrganisationNames.NONE, Language.RU);

        assertThat(json.path("alerts")).extracting(a -> a.path("organisationId").asText())
                .containsExactly("org-1", "org-2");
        assertThat(json.path("messages")).hasSize(1);
        assertThat(json.path("referrals")).isEmpty();
    }

    @Test
    void the_involved_organisations_are_sorted_and_bounded() {
        CaseFile few = CaseFiles.receivedInAlmaty("SN-7Q2K-9M4D-XW3P", AT);
        Set<String> many = IntStream.range(0, CaseJson.MAX_INVOLVED + 3).mapToObj(n -> String.format("org-%03d", n))
                .collect(Collectors.toSet());
        CaseFile crowded = new CaseFile(few.reference(), few.submission(), few.severity(), few.status(), few.version(),
                few.takenBy(), few.assignee(), many, few.outcome(), few.statusReason(), few.submittedAt(),
                few.updatedAt());

        JsonNode involved = CaseJson.summary(crowded).path("involvedOrganisations");

        assertThat(CaseJson.summary(few).path("involvedOrganisations")).extracting(JsonNode::asText)
                .containsExactly("kz-75-commission", "ngo-shelter-almaty");
        assertThat(involved).hasSize(CaseJson.MAX_INVOLVED);
        assertThat(involved.path(0).asText()).isEqualTo("org-000");
    }
}
