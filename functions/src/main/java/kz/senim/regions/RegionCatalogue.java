package kz.senim.regions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.RegionCode;
import kz.senim.i18n.Language;

/**
 * The regions of Kazakhstan and the country's emergency numbers, read from {@code kz-regions.json}: a data file, so
 * a boundary reform is a data change.
 */
public final class RegionCatalogue {

    private static final String RESOURCE = "/kz/senim/regions/kz-regions.json";

    private final Map<RegionCode, Region> regions;
    private final EmergencyNumbers emergencyNumbers;

    public record EmergencyNumbers(String unifiedEmergency, String police, String antiTraffickingHotline) {
    }

    private RegionCatalogue(Map<RegionCode, Region> regions, EmergencyNumbers emergencyNumbers) {
        this.regions = regions;
        this.emergencyNumbers = emergencyNumbers;
    }

    public static RegionCatalogue load() {
        try (InputStream in = RegionCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegionCatalogue parse(JsonNode root) {
        Map<RegionCode, Region> regions = new LinkedHashMap<>();
        for (JsonNode node : root.path("regions")) {
            Map<Language, String> names = new EnumMap<>(Language.class);
            Map<Language, String> shortNames = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                names.put(language, node.path(language.code()).asText());
                shortNames.put(language, node.path("short").path(language.code()).asText(names.get(language)));
            }
            RegionCode code = new RegionCode(node.path("code").asText());
            Region.Kind kind = Region.Kind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT));
            regions.put(code, new Region(code, kind, names, node.path("centre").asText(), shortNames));
        }
        JsonNode numbers = root.path("emergency_numbers");
        return new RegionCatalogue(regions, new EmergencyNumbers(numbers.path("unified_emergency").asText(),
                numbers.path("police").asText(), numbers.path("anti_trafficking_hotline").asText()));
    }

    public List<Region> all() {
        return new ArrayList<>(regions.values());
    }

    public Optional<Region> region(RegionCode code) {
        return Optional.ofNullable(regions.get(code));
    }

    /** A code a reporter may send: one of the catalogue's, or {@code unknown}. */
    public Optional<RegionCode> code(String text) {
        if (RegionCode.UNKNOWN.value().equals(text)) {
            return Optional.of(RegionCode.UNKNOWN);
        }
        return regions.keySet().stream().filter(c -> c.value().equals(text)).findFirst();
    }

    public List<String> codes() {
        List<String> codes = new ArrayList<>(regions.keySet().stream().map(RegionCode::value).toList());
        codes.add(RegionCode.UNKNOWN.value());
        return codes;
    }

    public EmergencyNumbers emergencyNumbers() {
        return emergencyNumbers;
    }
}
