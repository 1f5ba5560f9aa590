package kz.senim.regions;

import java.util.Map;
import kz.senim.cases.RegionCode;
import kz.senim.i18n.Language;

/** One of Kazakhstan's 17 regions or 3 cities of republican significance. */
public record Region(RegionCode code, Kind kind, Map<Language, String> names, String centre) {

    public enum Kind { REGION, CITY }

    public Region {
        names = Map.copyOf(names);
    }

    public String name(Language language) {
        return names.get(language);
    }
}
