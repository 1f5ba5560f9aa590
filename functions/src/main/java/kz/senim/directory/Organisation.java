package kz.senim.directory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.i18n.Language;

/**
 * A body that receives alerts: who it is, which regions and categories it serves, and when it wants to hear.
 * Its alert topic is derived from its id, so changing who covers a region is a change of data, not code.
 *
 * @param regions    the regions served; empty means every region, including {@code unknown}
 * @param categories the categories served; empty means every category
 * @param services   what a coordinator can refer a person to here (Open Referral's "service")
 * @param escalation what happens to this organisation's alerts nobody acknowledges
 * @param alertLanguage the language its alerts (SMS, e-mail, the acknowledgement page) are written in
 * @param paging        how many single pages per window before its alerts are coalesced into a digest
 */
public record Organisation(
        String id,
        OrganisationType type,
        Map<Language, String> names,
        Set<RegionCode> regions,
        Set<Category> categories,
        AlertCondition alertWhen,
        Optional<String> publicPhone,
        Set<ServiceType> services,
        Optional<EscalationPolicy> escalation,
        Language alertLanguage,
        PagingLimit paging) {

    /** For an organisation entered without one: Russian, which every responding body in Kazakhstan reads. */
    public static final Language DEFAULT_ALERT_LANGUAGE = Language.RU;

    /** An organisation alerted in {@link #DEFAULT_ALERT_LANGUAGE} and paged within {@link PagingLimit#DEFAULT}. */
    public Organisation(String id, OrganisationType type, Map<Language, String> names, Set<RegionCode> regions,
            Set<Category> categories, AlertCondition alertWhen, Optional<String> publicPhone,
            Set<ServiceType> services, Optional<EscalationPolicy> escalation) {
        this(id, type, names, regions, categories, alertWhen, publicPhone, services, escalation,
                DEFAULT_ALERT_LANGUAGE, PagingLimit.DEFAULT);
    }

    /** An organisation paged within {@link PagingLimit#DEFAULT}. */
    public Organisation(String id, OrganisationType type, Map<Language, String> names, Set<RegionCode> regions,
            Set<Category> categories, AlertCondition alertWhen, Optional<String> publicPhone,
            Set<ServiceType> services, Optional<EscalationPolicy> escalation, Language alertLanguage) {
        this(id, type, names, regions, categories, alertWhen, publicPhone, services, escalation, alertLanguage,
                PagingLimit.DEFAULT);
    }

    /** An organisation alerted in {@link #DEFAULT_ALERT_LANGUAGE}. */
    public Organisation(String id, OrganisationType type, Map<Language, String> names, Set<RegionCode> regions,
            Set<Category> categories, AlertCondition alertWhen, Optional<String> publicPhone,
            Set<ServiceType> services, Optional<EscalationPolicy> escalation, PagingLimit paging) {
        this(id, type, names, regions, categories, alertWhen, publicPhone, services, escalation,
                DEFAULT_ALERT_LANGUAGE, paging);
    }

    public Organisation {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("organisation id must be lower-case letters, digits and '-'");
        }
        names = Map.copyOf(names);
        regions = Set.copyOf(regions);
        categories = Set.copyOf(categories);
        services = Set.copyOf(services);
        alertLanguage = alertLanguage == null ? DEFAULT_ALERT_LANGUAGE : alertLanguage;
        java.util.Objects.requireNonNull(paging, "paging");
    }

    public boolean offers(ServiceType service) {
        return services.contains(service);
    }

    public boolean serves(RegionCode region) {
        return regions.isEmpty() || regions.contains(region);
    }

    /** Serves every region (and reports whose region is unknown): what the directory's {@code "regions": ["*"]} says. */
    public boolean national() {
        return regions.isEmpty();
    }

    public boolean handles(Category category) {
        return categories.isEmpty() || categories.contains(category);
    }

    public String name(Language language) {
        return names.getOrDefault(language, names.get(Language.DEFAULT));
    }
}
