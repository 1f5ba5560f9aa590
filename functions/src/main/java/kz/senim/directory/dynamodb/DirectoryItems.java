package kz.senim.directory.dynamodb;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.directory.AlertCondition;
import kz.senim.directory.EscalationPolicy;
import kz.senim.directory.Organisation;
import kz.senim.directory.OrganisationType;
import kz.senim.directory.PagingLimit;
import kz.senim.directory.ServiceType;
import kz.senim.i18n.Language;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Organisation items of the directory table: all in partition {@code DIRECTORY}, sort key {@code ORG#<id>}. */
final class DirectoryItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String PARTITION = "DIRECTORY";
    static final String ORG_PREFIX = "ORG#";
    static final String SOURCE = "source";
    static final String SOURCE_SEED = "seed";
    static final String ALERT_LANGUAGE = "alertLanguage";
    private static final String EVERYWHERE = "*";

    private DirectoryItems() {
    }

    static Map<String, AttributeValue> toItem(Organisation o) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(PARTITION));
        item.put(SK, s(ORG_PREFIX + o.id()));
        item.put("id", s(o.id()));
        item.put("type", s(o.type().code()));
        Map<String, AttributeValue> names = new HashMap<>();
        o.names().forEach((language, name) -> names.put(language.code(), s(name)));
        item.put("names", AttributeValue.fromM(names));
        item.put("regions", list(o.regions().stream().map(RegionCode::value).collect(Collectors.toSet())));
        item.put("categories", list(o.categories().stream().map(Category::code).collect(Collectors.toSet())));
        item.put("alertWhen", s(o.alertWhen().code()));
        o.publicPhone().ifPresent(phone -> item.put("publicPhone", s(phone)));
        if (!o.services().isEmpty()) {
            item.put("services", AttributeValue.fromL(o.services().stream().map(ServiceType::code).sorted()
                    .map(DirectoryItems::s).toList()));
        }
        o.escalation().ifPresent(policy -> item.put("escalation", AttributeValue.fromM(Map.of(
                "repeat", AttributeValue.fromN(Integer.toString(policy.repeat())),
                "steps", AttributeValue.fromL(policy.steps().stream().map(step -> AttributeValue.fromM(Map.of(
                        "waitMinutes", AttributeValue.fromN(Long.toString(step.delay().toMinutes())),
                        "target", s(step.targetOrganisationId())))).toList())))));
        item.put(ALERT_LANGUAGE, s(o.alertLanguage().code()));
        item.put("paging", AttributeValue.fromM(Map.of(
                "individualPages", AttributeValue.fromN(Integer.toString(o.paging().individualPages())),
                "windowMinutes", AttributeValue.fromN(Long.toString(o.paging().window().toMinutes())))));
        item.put(SOURCE, s(SOURCE_SEED));
        return item;
    }

    static Organisation fromItem(Map<String, AttributeValue> item) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        item.get("names").m().forEach((code, name) -> Language.fromCode(code).ifPresent(l -> names.put(l, name.s())));
        return new Organisation(
                item.get("id").s(),
                OrganisationType.fromCode(item.get("type").s()).orElseThrow(),
                names,
                values(item.get("regions")).stream().map(RegionCode::new).collect(Collectors.toSet()),
                values(item.get("categories")).stream().map(c -> Category.fromCode(c).orElseThrow())
                        .collect(Collectors.toSet()),
                AlertCondition.fromCode(item.get("alertWhen").s()).orElseThrow(),
                Optional.ofNullable(item.get("publicPhone")).map(AttributeValue::s),
                item.containsKey("services") ? item.get("services").l().stream()
                        .map(v -> ServiceType.fromCode(v.s()).orElseThrow()).collect(Collectors.toSet()) : Set.of(),
                Optional.ofNullable(item.get("escalation")).map(DirectoryItems::escalation),
                Optional.ofNullable(item.get(ALERT_LANGUAGE)).map(AttributeValue::s).flatMap(Language::fromCode)
                        .orElse(Organisation.DEFAULT_ALERT_LANGUAGE),
                Optional.ofNullable(item.get("paging")).map(DirectoryItems::paging).orElse(PagingLimit.DEFAULT));
    }

    private static EscalationPolicy escalation(AttributeValue value) {
        Map<String, AttributeValue> policy = value.m();
        return new EscalationPolicy(policy.get("steps").l().stream()
                .map(step -> new EscalationPolicy.Step(
                        Duration.ofMinutes(Long.parseLong(step.m().get("waitMinutes").n())),
                        step.m().get("target").s()))
                .toList(), Integer.parseInt(policy.get("repeat").n()));
    }

    /** An item entered by hand without {@code paging} is paged within the default. */
    private static PagingLimit paging(AttributeValue value) {
        Map<String, AttributeValue> paging = value.m();
        return new PagingLimit(Integer.parseInt(paging.get("individualPages").n()),
                Duration.ofMinutes(Long.parseLong(paging.get("windowMinutes").n())));
    }

    private static AttributeValue list(Set<String> values) {
        List<String> stored = values.isEmpty() ? List.of(EVERYWHERE) : values.stream().sorted().toList();
        return AttributeValue.fromL(stored.stream().map(DirectoryItems::s).toList());
    }

    private static Set<String> values(AttributeValue list) {
        return list.l().stream().map(AttributeValue::s).filter(v -> !EVERYWHERE.equals(v)).collect(Collectors.toSet());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
