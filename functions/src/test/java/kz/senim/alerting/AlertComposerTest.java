package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.cases.StorageUnavailable;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T12:00:00Z");
    private final AlertWording wording = new AlertWording(RegionCatalogue.load(), Optional.empty());

    private static Alert alertTo(String organisation, String region) {
        return Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), organisation, new RegionCode(region),
                Category.FORCED_LABOUR, Severity.HIGH, CREATED);
    }

    @Test
    void each_organisation_reads_its_alerts_in_its_alert_language_and_is_greeted_by_name() {
        AlertComposer composer = new AlertComposer(FixedDirectory.seeded(), wording);

        AlertMessage turkistan = composer.compose(alertTo("kz-61-commission", "KZ-61"), Optional.empty());
        AlertMessage almaty = composer.compose(alertTo("kz-75-commission", "KZ-75"), Optional.empty());

        assertThat(turkistan.texts().sms()).startsWith("Senim, шұғылдығы ЖОҒАРЫ: Мәжбүрлі еңбек, Түркістан обл.");
        assertThat(turkistan.texts().emailBody()).startsWith("«Адам саудасына қарсы іс-қимыл жөніндегі өңірлік"
                + " комиссия (Түркістан облысы)» үшін Senim хабарламасы.");
        assertThat(almaty.texts().sms()).startsWith("Senim, срочность ВЫСОКАЯ: Принудительный труд, Алматы");
        assertThat(composer.languageOf("kz-61-commission")).isEqualTo(Language.KK);
        assertThat(composer.languageOf("kz-75-commission")).isEqualTo(Language.RU);
    }

    @Test
    void the_v1_json_is_the_same_whatever_the_language() {
        Alert alert = alertTo("kz-61-commission", "KZ-61");

        assertThat(new AlertComposer(FixedDirectory.seeded(), wording).compose(alert, Optional.empty()).toJson())
                .isEqualTo(new AlertMessage(alert).toJson());
    }

    @Test
    void when_the_directory_cannot_be_read_the_alert_still_goes_out_in_russian() {
        Directory down = new Directory() {
            @Override
            public List<Organisation> organisations() {
                throw new StorageUnavailable("test: directory table down", null);
            }
        };
        AlertComposer composer = new AlertComposer(down, wording);

        AlertMessage message = composer.compose(alertTo("kz-61-commission", "KZ-61"), Optional.empty());

        assertThat(message.texts().sms()).startsWith("Senim, срочность ВЫСОКАЯ:");
        assertThat(message.texts().emailBody()).startsWith("Оповещение Senim для организации «kz-61-commission».");
        assertThat(composer.languageOf("kz-61-commission")).isEqualTo(Organisation.DEFAULT_ALERT_LANGUAGE);
    }

    @Test
    void an_organisation_the_directory_does_not_know_is_written_to_in_the_default_language() {
        AlertComposer composer = new AlertComposer(FixedDirectory.seeded(), wording);

        assertThat(composer.languageOf("ngo-not-in-the-directory")).isEqualTo(Language.RU);
    }
}
