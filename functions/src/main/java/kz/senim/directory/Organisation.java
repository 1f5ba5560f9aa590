package kz.senim.directory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.Category;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCode;

/**
 * A body that receives alerts: who it is, which regions and categories it serves, and when it wants to hear.
 * Its alert topic is derived from its id, so changing who covers a region is a change of data, not code.
 *
 * @param regions    the regions served; empty means every region, including {@code unknown}
 * @param categories the categories served; empty means every category
 */
public record Organisation(
        String id,
        OrganisationType type,
        Map<Language, String> names,
        Set<RegionCode> regions,
        Set<Category> categories,
        AlertCondition alertWhen,
        Optional<String> publicPhone) {

    public Organisation {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("organisation id must be lower-case letters, digits and '-'");
        }
        names = Map.copyOf(names);
        regions = Set.copyOf(regions);
        categories = Set.copyOf(categories);
    }

    public boolean serves(RegionCode region) {
        return regions.isEmpty() || regions.contains(region);
    }

    public boolean handles(Category category) {
        return categories.isEmpty() || categories.contains(category);
    }

    public String name(Language language) {
        return names.getOrDefault(language, names.get(Language.DEFAULT));
    }
}
