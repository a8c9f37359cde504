package org.zhonglou.support.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhonglou.support.keys.KeyRingTest.filled;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] DOC = "enr-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void aValueCarriesTheIdOfTheKeyThatSealedIt() {
        FieldCipher cipher = new FieldCipher(KeyRing.of(filled(1)));

        String sealed = cipher.seal("王小明", DOC);

        assertThat(sealed).startsWith("v2:" + cipher.keys().current().id() + ":").doesNotContain("王小明");
        assertThat(cipher.isCurrent(sealed)).isTrue();
        assertThat(cipher.open(sealed, DOC)).isEqualTo("王小明");
        assertThat(cipher.seal("王小明", DOC)).isNotEqualTo(sealed);
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        String old = new FieldCipher(KeyRing.of(filled(1))).seal("13900000000", DOC);
        FieldCipher rotated = new FieldCipher(KeyRing.of(filled(2), filled(1)));

        assertThat(rotated.open(old, DOC)).isEqualTo("13900000000");
        assertThat(rotated.isCurrent(old)).isFalse();
        String fresh = rotated.seal("13900000000", DOC);
        assertThat(rotated.isCurrent(fresh)).isTrue();
        assertThatThrownBy(() -> new FieldCipher(KeyRing.of(filled(1))).open(fresh, DOC))
                .hasMessageContaining("not configured");
    }

    @Test
    void aMovedTamperedOrTruncatedValueDoesNotOpen() {
        FieldCipher cipher = new FieldCipher(KeyRing.of(filled(1)));
        String sealed = cipher.seal("王小明", DOC);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAA=") ? "BAA=" : "AAA=");

        assertThatThrownBy(() -> cipher.open(sealed, "enr-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(tampered, DOC)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("v2:" + cipher.keys().current().id() + ":AAAA", DOC))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("v2:nocolon", DOC)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesFromBeforeKeyIdsOpenUnderWhicheverConfiguredKeySealedThem() {
        FieldCipher old = new FieldCipher(KeyRing.of(filled(1)));
        byte[] legacy = Base64.getDecoder().decode(old.seal("王芳", DOC).substring(12));
        FieldCipher rotated = new FieldCipher(KeyRing.of(filled(2), filled(1)));

        assertThat(rotated.openWithoutKeyId(legacy, DOC)).isEqualTo("王芳");
        assertThatThrownBy(() -> new FieldCipher(KeyRing.of(filled(3))).openWithoutKeyId(legacy, DOC))
                .hasMessageContaining("every configured key");
    }
}
