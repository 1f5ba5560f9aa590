package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kz.senim.testing.InMemoryCaseKeys;
import kz.senim.testing.MutableClock;
import kz.senim.testing.TestContent;
import org.junit.jupiter.api.Test;

class CaseContentTest {

    private static final String NARRATIVE = "Паспорт забрали, работаем без оплаты на стройке у рынка.";
    private final SecureRandom random = new SecureRandom();
    private final Reference reference = Reference.random(random);
    private final InMemoryCaseKeys keys = new InMemoryCaseKeys();
    private final CountingKek kek = new CountingKek(TestContent.kek());
    private final CaseContent content = new CaseContent(kek, keys, random, MutableClock.atNoon());

    @Test
    void a_sealed_text_is_aes_gcm_under_a_data_key_of_the_case_with_the_reference_as_associated_data()
            throws Exception {
        CaseContent.Sealing sealing = content.sealing(reference);
        String envelope = sealing.stored(CaseText.plain(NARRATIVE)).orElseThrow();
        CaseKey key = sealing.newKey().orElseThrow();

        assertThat(envelope).startsWith(CaseText.Sealed.PREFIX + key.keyId() + ":").doesNotContain(NARRATIVE);
        byte[] dataKey = TestContent.kek().unwrap(reference, key.wrapped());
        byte[] sealed = Base64.getUrlDecoder().decode(envelope.substring(envelope.lastIndexOf(':') + 1));
        Cipher oracle = Cipher.getInstance("AES/GCM/NoPadding");
        oracle.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        oracle.updateAAD(reference.value().getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(oracle.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8))
                .isEqualTo(NARRATIVE);
        assertThat(dataKey).hasSize(32);
    }

    @Test
    void the_texts_of_one_write_share_one_new_data_key_and_each_write_makes_its_own() {
        CaseContent.Sealing first = content.sealing(reference);
        String narrative = first.stored(CaseText.plain(NARRATIVE)).orElseThrow();
        String locality = first.stored(CaseText.plain("Бостандыкский район")).orElseThrow();
        CaseContent.Sealing second = content.sealing(reference);
        String message = second.stored(CaseText.plain("Вы в безопасности?")).orElseThrow();

        assertThat(new CaseText.Sealed(narrative).keyId()).isEqualTo(new CaseText.Sealed(locality).keyId());
        assertThat(new CaseText.Sealed(message).keyId()).isNotEqualTo(new CaseText.Sealed(narrative).keyId());
        assertThat(kek.made).isEqualTo(2);
        assertThat(kek.unwrapped).as("a writer never unwraps a key").isZero();
    }

    @Test
    void a_write_without_plain_text_makes_no_key_and_stored_texts_stay_as_they_are() {
        String envelope = sealedNarrative();
        kek.made = 0;
        CaseContent.Sealing sealing = content.sealing(reference);

        assertThat(sealing.stored(new CaseText.Sealed(envelope))).contains(envelope);
        assertThat(sealing.stored(new CaseText.Erased())).isEmpty();
        assertThat(sealing.newKey()).isEmpty();
        assertThat(kek.made).isZero();
    }

    @Test
    void opening_gives_the_text_back_unwrapping_each_key_once() {
        String envelope = sealedNarrative();
        CaseContent.Opening opening = content.opening(reference);

        assertThat(opening.open(CaseText.stored(envelope))).isEqualTo(CaseText.plain(NARRATIVE));
        assertThat(opening.open(CaseText.stored(envelope))).isEqualTo(CaseText.plain(NARRATIVE));
        assertThat(opening.open(CaseText.plain("typed just now"))).isEqualTo(CaseText.plain("typed just now"));
        assertThat(kek.unwrapped).isEqualTo(1);
    }

    @Test
    void once_the_cases_keys_are_forgotten_its_texts_are_erased() {
        String envelope = sealedNarrative();
        assertThat(content.opening(reference).open(CaseText.stored(envelope))).isEqualTo(CaseText.plain(NARRATIVE));

        keys.forget(reference);

        assertThat(content.opening(reference).open(CaseText.stored(envelope))).isEqualTo(new CaseText.Erased());
    }

    @Test
    void a_text_moved_to_another_case_or_tampered_with_does_not_open() {
        String envelope = sealedNarrative();
        Reference other = Reference.random(random);
        keys.of(reference).forEach(key -> keys.keep(new CaseKey(other, key.keyId(), key.wrapped(), key.createdAt())));
        char last = envelope.charAt(envelope.length() - 2);
        String tampered = envelope.substring(0, envelope.length() - 2) + (last == 'A' ? 'B' : 'A')
                + envelope.charAt(envelope.length() - 1);

        assertThatThrownBy(() -> content.opening(other).open(CaseText.stored(envelope)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> content.opening(reference).open(CaseText.stored(tampered)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void no_text_shows_in_what_is_printed() {
        String envelope = sealedNarrative();

        assertThat(CaseText.plain(NARRATIVE).toString()).doesNotContain(NARRATIVE);
        assertThat(new CaseText.Sealed(envelope).toString()).doesNotContain(envelope.substring(
                envelope.lastIndexOf(':')));
        assertThat(List.of(CaseText.plain(NARRATIVE), CaseText.stored(envelope)).toString()).doesNotContain(NARRATIVE);
        assertThat(CaseText.stored(envelope)).isInstanceOf(CaseText.Sealed.class);
        assertThat(CaseText.stored("written before texts were sealed")).isInstanceOf(CaseText.Plain.class);
    }

    private String sealedNarrative() {
        CaseContent.Sealing sealing = content.sealing(reference);
        String envelope = sealing.stored(CaseText.plain(NARRATIVE)).orElseThrow();
        keys.keep(sealing.newKey().orElseThrow());
        return envelope;
    }

    /** The test KEK, counting what it is asked to do. */
    private static final class CountingKek implements KeyEncryptionKey {
        private final KeyEncryptionKey real;
        int made;
        int unwrapped;

        CountingKek(KeyEncryptionKey real) {
            this.real = real;
        }

        @Override
        public DataKey newDataKey(Reference reference) {
            made++;
            return real.newDataKey(reference);
        }

        @Override
        public byte[] unwrap(Reference reference, byte[] wrapped) {
            unwrapped++;
            return real.unwrap(reference, wrapped);
        }
    }
}
