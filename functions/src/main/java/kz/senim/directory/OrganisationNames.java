package kz.senim.directory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.i18n.Language;

/**
 * The organisations of one read of the directory, to name what a view mentions by id (a case's alerts, referrals,
 * who took it, its audit trail). An id the directory does not know, or no longer knows, has no name: the view shows
 * the id alone.
 */
public final class OrganisationNames {

    /** Names nobody: every id stays an id. */
    public static final OrganisationNames NONE = new OrganisationNames(Map.of());

    private final Map<String, Organisation> byId;

    private OrganisationNames(Map<String, Organisation> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** One read of {@code directory}, however many ids are named from it afterwards. */
    public static OrganisationNames of(Directory directory) {
        Map<String, Organisation> byId = new HashMap<>();
        directory.organisations().forEach(organisation -> byId.putIfAbsent(organisation.id(), organisation));
        return new OrganisationNames(byId);
    }

    /** The name of organisation {@code id} in {@code language} (English where it has none in it); empty if unknown. */
    public Optional<String> name(String id, Language language) {
        return Optional.ofNullable(byId.get(id)).map(organisation -> organisation.name(language))
                .filter(name -> !name.isBlank());
    }
}
