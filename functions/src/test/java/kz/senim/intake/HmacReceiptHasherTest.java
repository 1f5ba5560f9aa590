package kz.senim.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacReceiptHasherTest {

    private static final String V1 = "first-receipt-key-0123456789abcdefghijklmnop";
    private static final String V2 = "second-receipt-key-0123456789abcdefghijklmno";

    private final SecureRandom random = new SecureRandom();
    private final Receipt receipt = Receipt.random(random);

    @Test
    void the_stored_form_is_the_hmac_sha256_of_the_receipt_under_the_current_key_named_with_its_version()
            throws Exception {
        HmacReceiptHasher hasher = hasher("{\"v1\":\"" + V1 + "\"}");

        String stored = hasher.hash(receipt);

        Mac oracle = Mac.getInstance("HmacSHA256");
        oracle.init(new SecretKeySpec(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        oracle.update("senim/receipt/v1\u001F".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String expected = Base64.getEncoder().withoutPadding().encodeToString(oracle.doFinal(
                receipt.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(stored).isEqualTo("hmac-sha256$v1$" + expected);
        assertThat(hasher.matches(receipt, stored)).isTrue();
        assertThat(hasher.matches(Receipt.random(random), stored)).isFalse();
    }

    @Test
    void after_a_rotation_new_receipts_use_the_new_key_and_old_ones_still_check() {
        String before = hasher("{\"v1\":\"" + V1 + "\"}").hash(receipt);
        HmacReceiptHasher rotated = hasher("{\"v1\":\"" + V1 + "\",\"v2\":\"" + V2 + "\"}");

        String after = rotated.hash(receipt);

        assertThat(before).startsWith("hmac-sha256$v1$");
        assertThat(after).startsWith("hmac-sha256$v2$");
        assertThat(rotated.matches(receipt, before)).isTrue();
        assertThat(rotated.matches(receipt, after)).isTrue();
        assertThat(hasher("{\"v2\":\"" + V2 + "\"}").matches(receipt, before))
                .as("once v1 is dropped its receipts no longer check").isFalse();
    }

    @Test
    void the_same_receipt_under_another_key_does_not_check() {
        String stored = hasher("{\"v1\":\"" + V1 + "\"}").hash(receipt);

        assertThat(hasher("{\"v1\":\"" + V2 + "\"}").matches(receipt, stored)).isFalse();
    }

    @Test
    void receipts_hashed_with_pbkdf2_before_the_change_still_check() throws Exception {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(receipt.value().toCharArray(), salt, 1_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String legacy = "pbkdf2-sha512$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
        HmacReceiptHasher hasher = hasher("{\"v1\":\"" + V1 + "\"}");

        assertThat(hasher.matches(receipt, legacy)).isTrue();
        assertThat(hasher.matches(Receipt.random(random), legacy)).isFalse();
        assertThat(hasher.matches(receipt, "pbkdf2-sha512$99999999$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derived))).as("a cost above the old one is refused, not computed").isFalse();
    }

    @Test
    void a_stored_form_it_does_not_know_never_matches() {
        HmacReceiptHasher hasher = hasher("{\"v1\":\"" + V1 + "\"}");
        String stored = hasher.hash(receipt);

        assertThat(hasher.matches(receipt, stored.replace("$v1$", "$v7$"))).isFalse();
        assertThat(hasher.matches(receipt, stored.replace("hmac-sha256", "hmac-md5"))).isFalse();
        assertThat(hasher.matches(receipt, stored + "$extra")).isFalse();
        assertThat(hasher.matches(receipt, "hmac-sha256$v1$not base64!")).isFalse();
        assertThat(hasher.matches(receipt, "")).isFalse();
        assertThat(hasher.matches(receipt, stored)).as("the guard: the stored form itself matches").isTrue();
    }

    @Test
    void the_keys_are_read_on_first_use_and_once() {
        AtomicInteger reads = new AtomicInteger();
        HmacReceiptHasher hasher = new HmacReceiptHasher(() -> {
            reads.incrementAndGet();
            return ReceiptKeys.parse("{\"v1\":\"" + V1 + "\"}");
        });
        assertThat(reads).hasValue(0);

        hasher.matches(receipt, hasher.hash(receipt));
        hasher.hash(Receipt.random(random));

        assertThat(reads).hasValue(1);
    }

    @Test
    void keys_must_be_versions_with_long_keys_and_their_text_is_never_repeated_in_an_error() {
        assertThat(ReceiptKeys.parse("{\"v1\":\"" + V1 + "\",\"v10\":\"" + V2 + "\"}").current()).isEqualTo(10);
        for (String bad : new String[] {"", "[]", "{}", "{\"v1\":\"short\"}", "{\"key\":\"" + V1 + "\"}",
                "{\"v0\":\"" + V1 + "\"}", "{\"v1\":42}", "not json " + V1}) {
            assertThatThrownBy(() -> ReceiptKeys.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(V1).doesNotContain("short"));
        }
        assertThat(ReceiptKeys.parse("{\"v1\":\"" + V1 + "\"}").toString()).doesNotContain(V1)
                .doesNotContain(HexFormat.of().formatHex(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static HmacReceiptHasher hasher(String keys) {
        return new HmacReceiptHasher(() -> ReceiptKeys.parse(keys));
    }
}
