package org.zhonglou.support.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.zhonglou.support.StartRefused;

class KeyRingTest {

    static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    static String base64(int value) {
        return Base64.getEncoder().encodeToString(filled(value));
    }

    @Test
    void theIdIsDerivedFromTheKeySoTheSameKeyHasTheSameIdEverywhere() {
        KeyRing one = KeyRing.of("K", base64(1), "OLD", "");
        KeyRing again = KeyRing.of("K", " " + base64(1) + "\n", "OLD", null);

        assertThat(one.current().id()).matches("[0-9a-f]{8}").isEqualTo(again.current().id());
        assertThat(KeyRing.of("K", base64(2), "OLD", "").current().id()).isNotEqualTo(one.current().id());
        assertThat(one.hasOlderKeys()).isFalse();
        assertThat(one.describe()).isEqualTo("current key " + one.current().id());
    }

    @Test
    void olderKeysAreListedWithCommasOrSpacesAndCountOnce() {
        KeyRing ring = KeyRing.of("K", base64(3), "OLD", base64(1) + ", " + base64(2) + " " + base64(1) + "," + base64(3));

        assertThat(ring.all()).hasSize(3);
        assertThat(ring.all().get(0).id()).isEqualTo(ring.current().id());
        assertThat(ring.hasOlderKeys()).isTrue();
        assertThat(ring.byId(KeyRing.of(filled(2)).current().id())).isPresent();
        assertThat(ring.byId("00000000")).isEmpty();
    }

    @Test
    void malformedKeysAreRefusedByVariableName() {
        assertThatThrownBy(() -> KeyRing.of("PII_ENCRYPTION_KEY", "", "OLD", ""))
                .isInstanceOf(StartRefused.class).hasMessage("PII_ENCRYPTION_KEY is not set.");
        assertThatThrownBy(() -> KeyRing.of("PII_ENCRYPTION_KEY", "not base64!", "OLD", ""))
                .hasMessage("PII_ENCRYPTION_KEY is not valid base64.");
        assertThatThrownBy(() -> KeyRing.of("PII_ENCRYPTION_KEY", "c2hvcnQ=", "OLD", ""))
                .hasMessage("PII_ENCRYPTION_KEY must be 32 bytes, got 5.");
        assertThatThrownBy(() -> KeyRing.of("K", base64(1), "PII_ENCRYPTION_OLD_KEYS", base64(2) + ",c2hvcnQ="))
                .hasMessage("PII_ENCRYPTION_OLD_KEYS must be 32 bytes, got 5.");
    }
}
