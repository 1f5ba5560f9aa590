package kz.senim.people;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Forbidden;
import kz.senim.directory.Directory;

/**
 * The people of an organisation, for a coordinator choosing whom to assign a case to: coordinators see their own
 * organisation's, national coordinators any organisation's. Sorted by name (Unicode collation: names are written in
 * Kazakh, Russian and Latin letters alike).
 */
public final class ListPeople {

    private final People people;
    private final Directory directory;
    private final CaseAccess access;

    public ListPeople(People people, Directory directory, CaseAccess access) {
        this.people = people;
        this.directory = directory;
        this.access = access;
    }

    public sealed interface Outcome {
        record Found(String organisationId, List<Person> people) implements Outcome {
            public Found {
                people = List.copyOf(people);
            }
        }

        /** No such organisation in the directory (asked with national scope; anyone else is refused first). */
        record UnknownOrganisation() implements Outcome { }
    }

    /** @throws Forbidden unless the caller coordinates this organisation or has national scope */
    public Outcome list(Caller caller, String organisationId) {
        boolean own = caller.organisationId().equals(organisationId) && caller.role().coordinates();
        if (!own && !access.national(caller)) {
            throw new Forbidden("list the people of an organisation");
        }
        if (directory.organisation(organisationId).isEmpty()) {
            return new Outcome.UnknownOrganisation();
        }
        return new Outcome.Found(organisationId, people.of(organisationId).stream()
                .sorted(Comparator.comparing(Person::name, Collator.getInstance(Locale.ROOT))
                        .thenComparing(Person::personId))
                .toList());
    }
}
