package kz.senim.referral;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import kz.senim.cases.RegionCode;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.directory.ServiceType;
import kz.senim.i18n.Language;

/**
 * The providers a coordinator can refer a person of a region to for a service: the organisations of the directory
 * that offer it and serve that region, or serve every region (national providers). Those of the region come first,
 * then the national ones, each by name in the language's alphabetical order.
 */
public final class FindProviders {

    private final Directory directory;

    public FindProviders(Directory directory) {
        this.directory = directory;
    }

    public List<Organisation> find(ServiceType service, RegionCode region, Language language) {
        return directory.organisations().stream()
                .filter(organisation -> organisation.offers(service) && organisation.serves(region))
                .sorted(Comparator.comparing(Organisation::national)
                        .thenComparing(organisation -> organisation.name(language),
                                Collator.getInstance(language.locale()))
                        .thenComparing(Organisation::id))
                .toList();
    }
}
