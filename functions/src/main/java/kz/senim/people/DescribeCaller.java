package kz.senim.people;

import java.util.List;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.cases.RegionCode;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.regions.RegionCatalogue;

/**
 * Who the signed-in caller is, as the console needs it on every screen: their name, their organisation, their role,
 * whether they have national scope, and the regions whose queues they may open.
 */
public final class DescribeCaller {

    private final People people;
    private final Directory directory;
    private final CaseAccess access;
    private final RegionCatalogue regions;

    public DescribeCaller(People people, Directory directory, CaseAccess access, RegionCatalogue regions) {
        this.people = people;
        this.directory = directory;
        this.access = access;
        this.regions = regions;
    }

    /**
     * @param name     as recorded at sign-in; the person's id if they are not (yet) in the people directory
     * @param national national scope: every case of every region
     * @param regions  the regions the organisation serves, in the catalogue's order; all of them and {@code unknown}
     *                 for an organisation that serves everywhere (or with national scope)
     */
    public record Profile(Caller caller, String name, Organisation organisation, boolean national,
            List<RegionCode> regions) {
        public Profile {
            regions = List.copyOf(regions);
        }
    }

    /** The caller's profile; empty when their organisation is not in the directory (they can do nothing). */
    public Optional<Profile> describe(Caller caller) {
        Optional<Organisation> organisation = directory.organisation(caller.organisationId());
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        String name = PersonId.parse(caller.personId())
                .flatMap(id -> people.find(caller.organisationId(), id))
                .map(Person::name).orElse(caller.personId());
        List<RegionCode> served = regions.codes().stream().map(RegionCode::new)
                .filter(region -> access.servesRegion(caller, region)).toList();
        return Optional.of(new Profile(caller, name, organisation.get(), access.national(caller), served));
    }
}
