package org.zhonglou.registration.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private final PiiCipher cipher = new PiiCipher(NamesTest.filled(3));

    @Test
    void roundTripsAndHidesThePlaintext() {
        String sealed = cipher.encrypt("王小明 13900000000", "enr-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("王小明", "13900000000");
        assertThat(cipher.decrypt(sealed, "enr-1")).isEqualTo("王小明 13900000000");
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
    void productionRefusesTheDevOnlyKeyAndWrongLengths() {
        String devKey = "ZGV2LW9ubHktcGlpLWVuY3J5cHRpb24ta2V5LTMyYiE=";

        assertThat(PiiKeys.decode("K", devKey, false)).hasSize(32);
        assertThatThrownBy(() -> PiiKeys.decode("K", devKey, true)).hasMessageContaining("dev-only");
        assertThatThrownBy(() -> PiiKeys.decode("K", "c2hvcnQ=", false)).hasMessageContaining("32 bytes");
    }
}
