package kz.senim.regions;

import java.util.Map;
import kz.senim.cases.RegionCode;
import kz.senim.i18n.Language;

/**
 * One of Kazakhstan's 17 regions or 3 cities of republican significance.
 *
 * @param shortNames the name as an SMS gives it ("ВКО", "Абай обл."): still unambiguous, a third as long
 */
public record Region(RegionCode code, Kind kind, Map<Language, String> names, String centre,
        Map<Language, String> shortNames) {

    public enum Kind { REGION, CITY }

    public Region {
        names = Map.copyOf(names);
        shortNames = Map.copyOf(shortNames);
    }

    public String name(Language language) {
        return names.get(language);
    }

    public String shortName(Language language) {
        return shortNames.get(language);
    }
}
