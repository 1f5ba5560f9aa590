package kz.senim.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.CaseKey;
import kz.senim.cases.CaseKeyring;
import kz.senim.cases.Reference;

/** The case keys table in memory: wrapped data keys by case and key id. */
public final class InMemoryCaseKeys implements CaseKeyring {

    private final Map<String, CaseKey> keys = new LinkedHashMap<>();

    /** Keeps a key, as a store keeps it with the write of what it seals. */
    public synchronized void keep(CaseKey key) {
        keys.put(id(key.reference(), key.keyId()), key);
    }

    @Override
    public synchronized Optional<byte[]> wrapped(Reference reference, String keyId) {
        return Optional.ofNullable(keys.get(id(reference, keyId))).map(CaseKey::wrapped);
    }

    @Override
    public synchronized void forget(Reference reference) {
        keys.values().removeIf(key -> key.reference().equals(reference));
    }

    public synchronized List<CaseKey> of(Reference reference) {
        return keys.values().stream().filter(key -> key.reference().equals(reference)).toList();
    }

    private static String id(Reference reference, String keyId) {
        return reference.value() + "|" + keyId;
    }
}
