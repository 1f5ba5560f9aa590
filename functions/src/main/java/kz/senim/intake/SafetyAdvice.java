package kz.senim.intake;

import java.util.ArrayList;
import java.util.List;
import kz.senim.cases.RegionCode;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.directory.OrganisationType;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.intake.SafetyInformation.Contact;
import kz.senim.intake.SafetyInformation.ContactKind;
import kz.senim.regions.RegionCatalogue;

/** Builds {@link SafetyInformation}: 112, 102, the national hotline and the regional commission of the region. */
public final class SafetyAdvice {

    private final RegionCatalogue regions;
    private final Directory directory;

    public SafetyAdvice(RegionCatalogue regions, Directory directory) {
        this.regions = regions;
        this.directory = directory;
    }

    public SafetyInformation forRegion(RegionCode region, Language language) {
        RegionCatalogue.EmergencyNumbers numbers = regions.emergencyNumbers();
        List<Contact> contacts = new ArrayList<>();
        contacts.add(new Contact(ContactKind.EMERGENCY, numbers.unifiedEmergency(),
                Messages.text(language, "safety.emergency")));
        contacts.add(new Contact(ContactKind.POLICE, numbers.police(), Messages.text(language, "safety.police")));
        contacts.add(new Contact(ContactKind.HOTLINE, numbers.antiTraffickingHotline(),
                Messages.text(language, "safety.hotline")));
        directory.organisations().stream()
                .filter(o -> o.type() == OrganisationType.REGIONAL_COMMISSION && !region.isUnknown())
                .filter(o -> o.regions().contains(region))
                .filter(o -> o.publicPhone().isPresent())
                .findFirst()
                .ifPresent(commission -> contacts.add(regional(commission, language)));
        return new SafetyInformation(language, Messages.text(language, "safety.message"), contacts);
    }

    private static Contact regional(Organisation commission, Language language) {
        return new Contact(ContactKind.REGIONAL, commission.publicPhone().orElseThrow(),
                Messages.text(language, "safety.regional", commission.name(language)));
    }
}
