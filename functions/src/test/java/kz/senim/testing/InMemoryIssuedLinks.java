package kz.senim.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.acknowledgement.IssuedLinks;

/**
 * Issued acknowledgement links in memory, with the condition of the DynamoDB put: a hash is taken once. Can be told
 * to refuse the next saves, as a taken hash would.
 */
public final class InMemoryIssuedLinks implements IssuedLinks {

    private final Map<String, IssuedLink> links = new LinkedHashMap<>();
    private int refusalsToCome;

    @Override
    public synchronized boolean save(IssuedLink link) {
        if (refusalsToCome > 0) {
            refusalsToCome--;
            return false;
        }
        return links.putIfAbsent(link.idHash(), link) == null;
    }

    @Override
    public synchronized Optional<IssuedLink> find(String idHash) {
        return Optional.ofNullable(links.get(idHash));
    }

    /** Every link kept, in the order given out. */
    public synchronized List<IssuedLink> all() {
        return List.copyOf(links.values());
    }

    public synchronized void refuseNext(int times) {
        refusalsToCome = times;
    }
}
