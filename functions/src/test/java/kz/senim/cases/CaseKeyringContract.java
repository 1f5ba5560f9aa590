package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CaseKeyring} does, run against the in-memory fake ({@code InMemoryCaseKeyringContractTest}) and
 * the case keys table on DynamoDB Local ({@code DynamoDbCaseKeyringContractIT}): a key kept with its write is found
 * by its case and id, byte for byte; forgetting a case forgets all of its keys and no other case's, and may be
 * repeated.
 */
public abstract class CaseKeyringContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    /** The keyring under test. */
    protected abstract CaseKeyring keyring();

    /** Keeps {@code key} as a store keeps it with the write of what it seals. */
    protected abstract void keep(CaseKey key);

    @Test
    void a_kept_key_is_found_by_its_case_and_id_and_no_other() {
        Reference reference = Reference.random(RANDOM);
        CaseKey first = key(reference, "k1");
        CaseKey second = key(reference, "k2");
        keep(first);
        keep(second);

        assertThat(keyring().wrapped(reference, "k1")).hasValueSatisfying(bytes ->
                assertThat(bytes).isEqualTo(first.wrapped()));
        assertThat(keyring().wrapped(reference, "k2")).hasValueSatisfying(bytes ->
                assertThat(bytes).isEqualTo(second.wrapped()));
        assertThat(keyring().wrapped(reference, "k3")).isEmpty();
        assertThat(keyring().wrapped(Reference.random(RANDOM), "k1")).isEmpty();
    }

    @Test
    void forgetting_a_case_forgets_every_key_of_it_and_only_of_it_and_may_be_repeated() {
        Reference erased = Reference.random(RANDOM);
        Reference kept = Reference.random(RANDOM);
        keep(key(erased, "k1"));
        keep(key(erased, "k2"));
        CaseKey other = key(kept, "k1");
        keep(other);

        keyring().forget(erased);
        keyring().forget(erased);
        keyring().forget(Reference.random(RANDOM));

        assertThat(keyring().wrapped(erased, "k1")).isEmpty();
        assertThat(keyring().wrapped(erased, "k2")).isEmpty();
        assertThat(keyring().wrapped(kept, "k1")).as("another case's key").hasValueSatisfying(bytes ->
                assertThat(bytes).isEqualTo(other.wrapped()));
    }

    private static CaseKey key(Reference reference, String keyId) {
        byte[] wrapped = new byte[60];
        RANDOM.nextBytes(wrapped);
        return new CaseKey(reference, keyId, wrapped, NOON);
    }
}
