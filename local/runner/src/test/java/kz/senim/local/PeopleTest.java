package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import kz.senim.access.Role;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;
import org.junit.jupiter.api.Test;

class PeopleTest {

    private final People people = People.load();

    @Test
    void everySeededPersonBelongsToAnOrganisationOfTheDirectory() {
        Set<String> directory = DirectoryData.seed().stream().map(Organisation::id).collect(Collectors.toSet());

        assertThat(people.all()).isNotEmpty()
                .allSatisfy(person -> assertThat(directory).contains(person.organisationId()));
        assertThat(people.requireOrganisations(directory)).isSameAs(people);
    }

    @Test
    void thereIsSomeoneForEveryPartOfACase() {
        assertThat(people.all()).extracting(p -> p.organisationId() + "/" + p.role().code()).contains(
                "kz-75-commission/responder",
                "kz-75-commission/coordinator",
                "kz-71-commission/coordinator",
                "national-secretariat/national_coordinator",
                "ngo-shelter-almaty/responder",
                "police-att-liaison/responder",
                "ngo-foreign-nationals/responder");
        assertThat(people.find("aigerim.responder.almaty")).get()
                .extracting(People.Person::organisationId, People.Person::role)
                .containsExactly("kz-75-commission", Role.RESPONDER);
        assertThat(people.find("dana.coordinator.almaty")).get()
                .extracting(People.Person::role).isEqualTo(Role.COORDINATOR);
        assertThat(people.find("nobody")).isEmpty();
    }

    @Test
    void aPersonOfAnOrganisationTheDirectoryDoesNotHaveStopsTheRunner() {
        assertThatThrownBy(() -> people.requireOrganisations(Set.of("kz-75-commission")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("national-secretariat");
    }

    @Test
    void aMalformedListIsRefused() {
        assertThatThrownBy(() -> People.parse(LocalApi.parse("""
                {"people":[{"id":"a b","organisationId":"kz-75-commission","role":"responder"}]}""")))
                .hasMessageContaining("not a person id");
        assertThatThrownBy(() -> People.parse(LocalApi.parse("""
                {"people":[{"id":"a","organisationId":"kz-75-commission","role":"admin"}]}""")))
                .hasMessageContaining("role");
        assertThatThrownBy(() -> People.parse(LocalApi.parse("""
                {"people":[{"id":"a","organisationId":"kz-75-commission","role":"responder"},
                           {"id":"a","organisationId":"kz-71-commission","role":"responder"}]}""")))
                .hasMessageContaining("twice");
    }
}
