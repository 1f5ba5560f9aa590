package kz.senim.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.i18n.Language;

/** Reads the directory's seed file; a malformed file fails loudly at deploy time, never silently at alert time. */
public final class DirectoryData {

    public static final String SEED_RESOURCE = "/kz/senim/directory/organisations.json";
    private static final String EVERYWHERE = "*";

    private DirectoryData() {
    }

    public static List<Organisation> seed() {
        try (InputStream in = DirectoryData.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SEED_RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Organisation> parse(JsonNode root) {
        List<Organisation> organisations = new ArrayList<>();
        PagingLimit defaultPaging = paging("pagingDefaults", root.path("pagingDefaults"), PagingLimit.DEFAULT);
        for (JsonNode node : root.path("organisations")) {
            String id = node.path("id").asText();
            Map<Language, String> names = new EnumMap<>(Language.class);
            node.path("names").fields().forEachRemaining(e -> names.put(
                    Language.fromCode(e.getKey()).orElseThrow(() -> invalid(id, "names." + e.getKey())),
                    e.getValue().asText()));
            if (!names.containsKey(Language.DEFAULT)) {
                throw invalid(id, "names.en");
            }
            Set<RegionCode> regions = new HashSet<>();
            for (JsonNode region : node.path("regions")) {
                if (!EVERYWHERE.equals(region.asText())) {
                    regions.add(new RegionCode(region.asText()));
                }
            }
            Set<Category> categories = new HashSet<>();
            for (JsonNode category : node.path("categories")) {
                if (!EVERYWHERE.equals(category.asText())) {
                    categories.add(Category.fromCode(category.asText()).orElseThrow(() -> invalid(id, "categories")));
                }
            }
            organisations.add(new Organisation(
                    id,
                    OrganisationType.fromCode(node.path("type").asText()).orElseThrow(() -> invalid(id, "type")),
                    names,
                    regions,
                    categories,
                    AlertCondition.fromCode(node.path("alertWhen").asText()).orElseThrow(() -> invalid(id, "alertWhen")),
                    Optional.ofNullable(node.path("publicPhone").textValue()),
                    services(id, node.path("services")),
                    escalation(id, node.path("escalation")),
                    alertLanguage(id, node.path("alertLanguage")),
                    paging(id, node.path("paging"), defaultPaging)));
        }
        return List.copyOf(organisations);
    }

    private static Set<ServiceType> services(String id, JsonNode list) {
        Set<ServiceType> services = new HashSet<>();
        for (JsonNode service : list) {
            services.add(ServiceType.fromCode(service.asText()).orElseThrow(() -> invalid(id, "services")));
        }
        return services;
    }

    private static Optional<EscalationPolicy> escalation(String id, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        List<EscalationPolicy.Step> steps = new ArrayList<>();
        for (JsonNode step : node.path("steps")) {
            int minutes = step.path("waitMinutes").asInt(0);
            String target = step.path("target").asText("");
            if (minutes < 1 || target.isEmpty()) {
                throw invalid(id, "escalation.steps");
            }
            steps.add(new EscalationPolicy.Step(java.time.Duration.ofMinutes(minutes), target));
        }
        return Optional.of(new EscalationPolicy(steps, node.path("repeat").asInt(1)));
    }

    private static Language alertLanguage(String id, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return Organisation.DEFAULT_ALERT_LANGUAGE;
        }
        return Language.fromCode(value.asText()).orElseThrow(() -> invalid(id, "alertLanguage"));
    }

    /** {@code {"individualPages": 5, "windowMinutes": 10}}, or {@code otherwise} when absent. */
    private static PagingLimit paging(String id, JsonNode node, PagingLimit otherwise) {
        if (node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        int pages = node.path("individualPages").asInt(0);
        int minutes = node.path("windowMinutes").asInt(0);
        try {
            return new PagingLimit(pages, java.time.Duration.ofMinutes(minutes));
        } catch (IllegalArgumentException e) {
            throw invalid(id, "paging");
        }
    }

    private static IllegalArgumentException invalid(String id, String field) {
        return new IllegalArgumentException("organisation '" + id + "': invalid or missing " + field);
    }
}
