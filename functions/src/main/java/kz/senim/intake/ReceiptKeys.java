package kz.senim.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server-held keys receipts are hashed under, by version: {@code {"v1": "<key>", "v2": "<key>"}} (the secret's
 * text in Secrets Manager, a file in the local runner's data directory). New receipts are hashed under the highest
 * version; a receipt hashed under an older one checks as long as its version is kept. To rotate, add a version and
 * drop the old one once every case hashed under it has been erased.
 */
public record ReceiptKeys(int current, Map<Integer, byte[]> keys) {

    /** A generated Secrets Manager password of 64 letters and digits carries about 380 bits. */
    static final int MIN_KEY_LENGTH = 32;
    private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]{0,5})");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ReceiptKeys {
        keys = Map.copyOf(keys);
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("no key of the current version");
        }
    }

    public Optional<byte[]> key(int version) {
        return Optional.ofNullable(keys.get(version));
    }

    /** @throws IllegalArgumentException naming what is wrong, never a key */
    public static ReceiptKeys parse(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("the receipt keys are not a JSON object");
        }
        if (json == null || !json.isObject() || json.isEmpty()) {
            throw new IllegalArgumentException("the receipt keys are not a JSON object of versions");
        }
        Map<Integer, byte[]> keys = new TreeMap<>();
        json.fields().forEachRemaining(entry -> {
            Matcher version = VERSION.matcher(entry.getKey());
            if (!version.matches() || !entry.getValue().isTextual()
                    || entry.getValue().textValue().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("receipt key versions are v1, v2, ... each with a key of at least "
                        + MIN_KEY_LENGTH + " characters");
            }
            keys.put(Integer.parseInt(version.group(1)), entry.getValue().textValue().getBytes(StandardCharsets.UTF_8));
        });
        return new ReceiptKeys(((TreeMap<Integer, byte[]>) keys).lastKey(), keys);
    }

    @Override
    public String toString() {
        return "ReceiptKeys[current v" + current + ", versions " + keys.keySet() + "]";
    }
}
