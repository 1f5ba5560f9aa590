package kz.senim.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.i18n.Language;
import kz.senim.testing.FixedDirectory;
import org.junit.jupiter.api.Test;

class OrganisationNamesTest {

    @Test
    void an_organisation_of_the_directory_is_named_in_the_language_asked_for() {
        OrganisationNames names = OrganisationNames.of(FixedDirectory.seeded());

        assertThat(names.name("ngo-shelter-almaty", Language.RU))
                .hasValue("Приют НПО для пострадавших от торговли людьми, Алматы");
        assertThat(names.name("ngo-shelter-almaty", Language.KK))
                .hasValue("Адам саудасынан зардап шеккендерге арналған ҮЕҰ баспанасы, Алматы");
        assertThat(names.name("kz-75-commission", Language.EN))
                .hasValue("Regional commission on combating trafficking in human beings (Almaty)");
    }

    @Test
    void an_id_the_directory_does_not_know_has_no_name() {
        OrganisationNames names = OrganisationNames.of(FixedDirectory.seeded());

        assertThat(names.name("ngo-shelter-almaty", Language.RU)).as("a known one").isPresent();
        assertThat(names.name("ngo-closed-in-2025", Language.RU)).isEmpty();
        assertThat(OrganisationNames.NONE.name("ngo-shelter-almaty", Language.RU)).isEmpty();
    }

    @Test
    void the_directory_is_read_once_however_many_names_are_asked() {
        AtomicInteger reads = new AtomicInteger();
        List<Organisation> seed = DirectoryData.seed();
        Directory counted = () -> {
            reads.incrementAndGet();
            return seed;
        };

        OrganisationNames names = OrganisationNames.of(counted);
        seed.forEach(organisation -> assertThat(names.name(organisation.id(), Language.KK)).isPresent());

        assertThat(seed).hasSizeGreaterThan(1);
        assertThat(reads).hasValue(1);
    }
}
