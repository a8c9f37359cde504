package org.zhonglou.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.zhonglou.notification.config.NotificationProperties;

class SecretCipherTest {

    private static SecretCipher cipher(String key) {
        return new SecretCipher(new NotificationProperties(null, new NotificationProperties.Secrets(
                Base64.getEncoder().encodeToString(key.getBytes())), null, null, null, null, null, null, null));
    }

    @Test
    void secretsRoundTripAndEachEncryptionDiffers() {
        SecretCipher cipher = cipher("0123456789abcdef0123456789abcdef");
        String secret = cipher.newSecret();

        String first = cipher.encrypt(secret);
        String second = cipher.encrypt(secret);

        assertThat(first).isNotEqualTo(second).doesNotContain(secret);
        assertThat(cipher.decrypt(first)).isEqualTo(secret);
        assertThat(cipher.decrypt(second)).isEqualTo(secret);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = cipher("0123456789abcdef0123456789abcdef").encrypt("s3cret");

        assertThatThrownBy(() -> cipher("ffffffffffffffffffffffffffffffff").decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAtStartUp() {
        assertThatThrownBy(() -> cipher("short")).isInstanceOf(IllegalStateException.class);
    }
}
