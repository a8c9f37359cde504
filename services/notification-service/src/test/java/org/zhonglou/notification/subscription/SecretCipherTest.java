package org.zhonglou.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.zhonglou.notification.config.NotificationProperties;

class SecretCipherTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    /** Stored by the cipher before key ids existed, under {@link #KEY}. */
    private static final String WITHOUT_KEY_ID =
            "DKFwhrL9eVJAd1BCTor4jmdiojimEQSWq5y7EE0UfSqrwWLOPg50TumIeRlHwQipnqDCuStrEzt4fKk=";

    private static SecretCipher cipher(String key) {
        return cipher(key, "");
    }

    private static SecretCipher cipher(String key, String oldKeys) {
        return new SecretCipher(new NotificationProperties(null, new NotificationProperties.Secrets(base64(key),
                oldKeys), null, null, null, null, null, null));
    }

    private static String base64(String key) {
        return Base64.getEncoder().encodeToString(key.getBytes());
    }

    @Test
    void secretsRoundTripAndEachEncryptionDiffers() {
        SecretCipher cipher = cipher(KEY);
        String secret = cipher.newSecret();

        String first = cipher.encrypt(secret);
        String second = cipher.encrypt(secret);

        assertThat(first).isNotEqualTo(second).doesNotContain(secret);
        assertThat(cipher.decrypt(first)).isEqualTo(secret);
        assertThat(cipher.decrypt(second)).isEqualTo(secret);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = cipher(KEY).encrypt("s3cret");

        assertThatThrownBy(() -> cipher("ffffffffffffffffffffffffffffffff").decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAtStartUp() {
        assertThatThrownBy(() -> cipher("short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOTIFICATION_SECRET_KEY");
    }

    @Test
    void afterARotationSecretsUnderTheOldKeyAndFromBeforeKeyIdsStayReadable() {
        String old = cipher(KEY).encrypt("s3cret");
        SecretCipher rotated = cipher("ffffffffffffffffffffffffffffffff", base64(KEY));

        assertThat(rotated.decrypt(old)).isEqualTo("s3cret");
        assertThat(rotated.decrypt(WITHOUT_KEY_ID)).isEqualTo("4f2a9c0e-webhook-signing-secret");
        assertThat(cipher(KEY).decrypt(WITHOUT_KEY_ID)).isEqualTo("4f2a9c0e-webhook-signing-secret");
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.isCurrent(WITHOUT_KEY_ID)).isFalse();
        assertThat(rotated.isCurrent(rotated.encrypt("s3cret"))).isTrue();
        assertThatThrownBy(() -> cipher("ffffffffffffffffffffffffffffffff").decrypt(WITHOUT_KEY_ID))
                .isInstanceOf(IllegalStateException.class);
    }
}
