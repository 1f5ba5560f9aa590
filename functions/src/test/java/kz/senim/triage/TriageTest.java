package kz.senim.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReporterRole;
import kz.senim.cases.Severity;
import kz.senim.directory.AlertCondition;
import kz.senim.directory.Organisation;
import kz.senim.directory.OrganisationType;
import kz.senim.i18n.Language;
import kz.senim.testing.FixedDirectory;
import org.junit.jupiter.api.Test;

class TriageTest {

    private final Triage triage = new Triage(FixedDirectory.seeded());

    private static TriageFacts facts(ReporterRole role, Category category, String region, boolean danger,
            boolean consent, boolean child, boolean foreign) {
        return new TriageFacts(role, category, new RegionCode(region), danger, consent, child, foreign);
    }

    private List<String> recipients(TriageFacts facts) {
        return triage.triage(facts).recipients().stream().map(Organisation::id).sorted().toList();
    }

    @Test
    void a_victim_report_goes_to_the_regional_commission_and_the_nearest_shelter() {
        assertThat(recipients(facts(ReporterRole.VICTIM, Category.FORCED_LABOUR, "KZ-75", false, false, false, false)))
                .containsExactly("kz-75-commission", "ngo-shelter-almaty");
    }

    @Test
    void a_witness_tip_goes_to_the_regional_commission_only() {
        assertThat(recipients(facts(ReporterRole.WITNESS, Category.BEGGING, "KZ-39", false, false, false, false)))
                .containsExactly("kz-39-commission");
    }

    @Test
    void police_are_not_alerted_without_consent_or_danger() {
        List<String> withoutConsent = recipients(facts(ReporterRole.VICTIM, Category.SEXUAL_EXPLOITATION, "KZ-71",
                false, false, false, false));
        List<String> withConsent = recipients(facts(ReporterRole.VICTIM, Category.SEXUAL_EXPLOITATION, "KZ-71",
                false, true, false, false));

        // The same report is routed (to the commission), and with consent the police are among its recipients.
        assertThat(withConsent).contains("police-att-liaison", "kz-71-commission");
        assertThat(withoutConsent).contains("kz-71-commission").doesNotContain("police-att-liaison");
        assertThat(withoutConsent).containsExactlyElementsOf(withConsent.stream()
                .filter(id -> !id.equals("police-att-liaison")).toList());
    }

    @Test
    void police_are_alerted_with_the_reporters_consent() {
        assertThat(recipients(facts(ReporterRole.WITNESS, Category.FORCED_LABOUR, "KZ-71", false, true, false, false)))
                .contains("police-att-liaison");
    }

    @Test
    void police_are_alerted_when_a_life_is_in_immediate_danger() {
        assertThat(recipients(facts(ReporterRole.WITNESS, Category.FORCED_LABOUR, "KZ-71", true, false, false, false)))
                .contains("police-att-liaison");
    }

    @Test
    void police_stay_out_even_when_the_directory_says_always() {
        Organisation eagerPolice = new Organisation("eager-police", OrganisationType.POLICE,
                Map.of(Language.EN, "Police"), Set.of(), Set.of(), AlertCondition.ALWAYS, Optional.empty(), Set.of(),
                Optional.empty(), Language.RU);
        Triage withEagerPolice = new Triage(new FixedDirectory(List.of(eagerPolice,
                FixedDirectory.seeded().organisation("national-secretariat").orElseThrow())));

        List<String> ids = withEagerPolice.triage(facts(ReporterRole.VICTIM, Category.OTHER, "KZ-10", false, false,
                false, false)).recipients().stream().map(Organisation::id).toList();

        assertThat(ids).containsExactly("national-secretariat");
    }

    @Test
    void a_report_from_an_unknown_region_goes_to_the_national_secretariat() {
        assertThat(recipients(facts(ReporterRole.WITNESS, Category.UNKNOWN, "unknown", false, false, false, false)))
                .containsExactly("national-secretariat");
    }

    @Test
    void foreign_nationals_and_children_bring_in_the_specialised_ngos() {
        assertThat(recipients(facts(ReporterRole.WITNESS, Category.FORCED_LABOUR, "KZ-79", false, false, true, true)))
                .containsExactly("kz-79-commission", "ngo-children", "ngo-foreign-nationals");
    }

    @Test
    void a_region_nobody_covers_falls_back_to_the_national_secretariat() {
        List<Organisation> withoutAbai = FixedDirectory.seeded().organisations().stream()
                .filter(o -> !o.id().equals("kz-10-commission")).toList();

        List<String> ids = new Triage(new FixedDirectory(withoutAbai)).triage(facts(ReporterRole.WITNESS,
                Category.BEGGING, "KZ-10", false, false, false, false)).recipients().stream()
                .map(Organisation::id).toList();

        assertThat(ids).containsExactly("national-secretariat");
    }

    @Test
    void immediate_danger_is_critical() {
        assertThat(triage.triage(facts(ReporterRole.WITNESS, Category.UNKNOWN, "KZ-75", true, false, false, false))
                .severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void a_child_involved_is_high() {
        assertThat(triage.triage(facts(ReporterRole.WITNESS, Category.BEGGING, "KZ-75", false, false, true, false))
                .severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void sexual_exploitation_and_organ_removal_are_high() {
        assertThat(triage.triage(facts(ReporterRole.WITNESS, Category.SEXUAL_EXPLOITATION, "KZ-75", false, false,
                false, false)).severity()).isEqualTo(Severity.HIGH);
        assertThat(triage.triage(facts(ReporterRole.WITNESS, Category.ORGAN_REMOVAL, "KZ-75", false, false,
                false, false)).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void a_victims_own_report_is_at_least_medium_and_a_vague_tip_is_low() {
        assertThat(triage.triage(facts(ReporterRole.VICTIM, Category.UNKNOWN, "KZ-75", false, false, false, false))
                .severity()).isEqualTo(Severity.MEDIUM);
        assertThat(triage.triage(facts(ReporterRole.WITNESS, Category.UNKNOWN, "KZ-75", false, false, false, false))
                .severity()).isEqualTo(Severity.LOW);
    }
}
