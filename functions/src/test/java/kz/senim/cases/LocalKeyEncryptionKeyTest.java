package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.testing.TestContent;
import org.junit.jupiter.api.Test;

class LocalKeyEncryptionKeyTest {

    private final SecureRandom random = new SecureRandom();
    private final Reference reference = Reference.random(random);

    @Test
    void a_data_key_unwraps_for_its_case_only_and_only_under_its_kek() {
        KeyEncryptionKey kek = TestContent.kek();
        KeyEncryptionKey.DataKey made = kek.newDataKey(reference);
        byte[] plain = made.plain().clone();

        assertThat(plain).hasSize(32);
        assertThat(Base64.getEncoder().encodeToString(made.wrapped()))
                .doesNotContain(Base64.getEncoder().encodeToString(plain).substring(0, 40));
        assertThat(kek.unwrap(reference, made.wrapped())).isEqualTo(plain);
        assertThatThrownBy(() -> kek.unwrap(Reference.random(random), made.wrapped()))
                .isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        random.nextBytes(other);
        LocalKeyEncryptionKey otherKek = new LocalKeyEncryptionKey(
                LocalKeyEncryptionKey.fixedKey(Base64.getEncoder().encodeToString(other)), random);
        assertThatThrownBy(() -> otherKek.unwrap(reference, made.wrapped())).isInstanceOf(IllegalStateException.class);
        assertThat(made.toString()).doesNotContain(Base64.getEncoder().encodeToString(plain));
    }

    @Test
    void the_key_is_read_on_first_use_and_must_be_32_bytes() {
        AtomicInteger reads = new AtomicInteger();
        LocalKeyEncryptionKey kek = new LocalKeyEncryptionKey(() -> {
            reads.incrementAndGet();
            return LocalKeyEncryptionKey.fixedKey(TestContent.KEK).get();
        }, random);
        assertThat(reads).hasValue(0);

        kek.unwrap(reference, kek.newDataKey(reference).wrapped());

        assertThat(reads).hasValue(1);
        assertThatThrownBy(() -> LocalKeyEncryptionKey.fixedKey(Base64.getEncoder().encodeToString(new byte[16])).get())
                .isInstanceOf(IllegalStateException.class);
    }
}
