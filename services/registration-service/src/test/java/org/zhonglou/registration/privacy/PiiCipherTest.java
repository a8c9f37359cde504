package org.zhonglou.registration.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zhonglou.support.keys.KeyRing;

class PiiCipherTest {

    /** Written by the cipher before key ids (under {@code NamesTest.filled(3)}, document enr-legacy). */
    private static final String WITHOUT_KEY_ID = "v1:054moRDIieaowASHThJWpBCJCkcZV+i9MnkMYfOMvigZzv9WRp3F5EaDRhDyLDKeWA==";

    private final PiiCipher cipher = new PiiCipher(NamesTest.filled(3));

    @Test
    void roundTripsAndHidesThePlaintext() {
        String sealed = cipher.encrypt("王小明 13900000000", "enr-1");

        assertThat(sealed).startsWith("v2:" + cipher.keys().current().id() + ":")
                .doesNotContain("王小明", "13900000000");
        assertThat(cipher.decrypt(sealed, "enr-1")).isEqualTo("王小明 13900000000");
        assertThat(cipher.isCurrent(sealed)).isTrue();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("王小明", "enr-1")).isNotEqualTo(cipher.encrypt("王小明", "enr-1"));
    }

    @Test
    void aValueMovedToAnotherDocumentOrReadWithAnotherKeyDoesNotDecrypt() {
        String sealed = cipher.encrypt("王小明", "enr-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "enr-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PiiCipher(NamesTest.filled(4)).decrypt(sealed, "enr-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataWrittenBeforeKeyIdsStaysReadableAlsoAfterANewKeyIsAdded() {
        PiiCipher rotated = new PiiCipher(KeyRing.of(NamesTest.filled(5), NamesTest.filled(3)));

        assertThat(cipher.decrypt(WITHOUT_KEY_ID, "enr-legacy")).isEqualTo("王小明 13900000000");
        assertThat(rotated.decrypt(WITHOUT_KEY_ID, "enr-legacy")).isEqualTo("王小明 13900000000");
        assertThat(rotated.isCurrent(WITHOUT_KEY_ID)).isFalse();
        assertThatThrownBy(() -> rotated.decrypt(WITHOUT_KEY_ID, "enr-other")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PiiCipher(NamesTest.filled(5)).decrypt(WITHOUT_KEY_ID, "enr-legacy"))
                .hasMessageContaining("enr-legacy");
        assertThatThrownBy(() -> cipher.decrypt("v0:whatever", "enr-1")).hasMessageContaining("Unknown ciphertext format");
    }

    @Test
    void dataWrittenUnderTheOldKeyStaysReadableAfterANewKeyIsAdded() {
        String old = cipher.encrypt("王芳 13900000001", "enr-1");
        PiiCipher rotated = new PiiCipher(KeyRing.of(NamesTest.filled(5), NamesTest.filled(3)));

        assertThat(rotated.decrypt(old, "enr-1")).isEqualTo("王芳 13900000001");
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.isCurrent(rotated.encrypt("x", "enr-1"))).isTrue();
        assertThatThrownBy(() -> new PiiCipher(NamesTest.filled(5)).decrypt(old, "enr-1"))
                .hasMessageContaining("not configured");
    }

    @Test
    void wrongKeysAreRefusedNamingTheVariable() {
        String good = java.util.Base64.getEncoder().encodeToString(NamesTest.filled(1));
        PiiConfiguration configuration = new PiiConfiguration();

        assertThatThrownBy(() -> configuration.piiCipher(new PiiProperties("c2hvcnQ=", "", good, "")))
                .hasMessage("PII_ENCRYPTION_KEY must be 32 bytes, got 5.");
        assertThatThrownBy(() -> configuration.piiHasher(new PiiProperties(good, "", good, good + ",%%")))
                .hasMessage("PII_HASH_OLD_KEYS is not valid base64.");
    }
}
