package kz.senim.cases;

import java.util.Optional;

/**
 * Where the wrapped data keys of cases are kept: apart from the cases, in a table with no backups of its own, so
 * that forgetting a case's keys makes every copy of what they sealed unreadable, backups of the cases included
 * (crypto-shredding). New keys are written together with what they seal, by the store that writes it.
 */
public interface CaseKeyring {

    /** The wrapped data key {@code keyId} of the case; empty once forgotten. */
    Optional<byte[]> wrapped(Reference reference, String keyId);

    /** Forgets every data key of the case. Safe to repeat. */
    void forget(Reference reference);
}
