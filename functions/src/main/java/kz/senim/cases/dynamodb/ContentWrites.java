package kz.senim.cases.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseText;
import kz.senim.cases.Reference;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What an adapter that writes typed text needs: each write seals its plain texts under a new data key of the case
 * ({@link CaseContent}), and puts that key in the case keys table in the same transaction, so no sealed text is ever
 * stored without its key, nor a key without its text. Texts read from the store stay as they are.
 */
public final class ContentWrites {

    private final Optional<CaseContent> content;
    private final String keysTable;

    public ContentWrites(CaseContent content, String keysTable) {
        this.content = Optional.of(content);
        this.keysTable = keysTable;
    }

    private ContentWrites() {
        this.content = Optional.empty();
        this.keysTable = null;
    }

    /** For a function that writes no typed text (and may not make data keys): a plain text to store is a bug. */
    public static ContentWrites none() {
        return new ContentWrites();
    }

    /** One write about {@code reference}. */
    public Write of(Reference reference) {
        return new Write(content.map(c -> c.sealing(reference)));
    }

    public final class Write {
        private final Optional<CaseContent.Sealing> sealing;

        private Write(Optional<CaseContent.Sealing> sealing) {
            this.sealing = sealing;
        }

        /** Puts {@code text} under {@code name}, sealed; an erased text is left out. */
        public void put(Map<String, AttributeValue> item, String name, CaseText text) {
            stored(text).ifPresent(value -> item.put(name, value));
        }

        /** The attribute {@code text} is kept as: sealed; none for an erased text. */
        public Optional<AttributeValue> stored(CaseText text) {
            return switch (text) {
                case CaseText.Sealed sealed -> Optional.of(AttributeValue.fromS(sealed.envelope()));
                case CaseText.Erased erased -> Optional.empty();
                case CaseText.Plain plain -> sealing
                        .orElseThrow(() -> new IllegalStateException("this function writes no typed text"))
                        .stored(plain).map(AttributeValue::fromS);
            };
        }

        /** Adds the put of this write's new data key to its transaction, last, if anything was sealed. */
        public List<TransactWriteItem> withNewKey(List<TransactWriteItem> writes) {
            return sealing.flatMap(CaseContent.Sealing::newKey).map(key -> {
                List<TransactWriteItem> all = new ArrayList<>(writes);
                all.add(CaseKeysTable.putNew(keysTable, key));
                return List.copyOf(all);
            }).orElse(writes);
        }
    }
}
