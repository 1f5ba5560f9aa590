package kz.senim.directory;

import java.util.List;
import java.util.Optional;

/** The organisations Senim alerts and refers to, held in DynamoDB and seeded from {@code organisations.json}. */
public interface Directory {

    List<Organisation> organisations();

    default Optional<Organisation> organisation(String id) {
        return organisations().stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
