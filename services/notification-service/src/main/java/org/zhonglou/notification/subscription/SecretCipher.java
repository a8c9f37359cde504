package org.zhonglou.notification.subscription;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.support.keys.FieldCipher;
import org.zhonglou.support.keys.KeyRing;

/**
 * AES-256-GCM for webhook signing secrets at rest ({@link FieldCipher}: a fresh nonce per value and the
 * id of its key in front, so the key can rotate). Secrets stored before key ids (plain base64 of nonce
 * and ciphertext) stay readable under any configured key.
 */
@Component
public class SecretCipher {

    private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

    private final SecureRandom random = new SecureRandom();
    private final FieldCipher cipher;

    public SecretCipher(NotificationProperties properties) {
        this.cipher = new FieldCipher(KeyRing.of("NOTIFICATION_SECRET_KEY", properties.secrets().key(),
                "NOTIFICATION_SECRET_OLD_KEYS", properties.secrets().oldKeys()));
    }

    public KeyRing keys() {
        return cipher.keys();
    }

    /** A new random signing secret, 32 bytes as hex. */
    public String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    public String encrypt(String plain) {
        return cipher.seal(plain, NO_ASSOCIATED_DATA);
    }

    public String decrypt(String stored) {
        try {
            if (FieldCipher.hasKeyId(stored)) {
                return cipher.open(stored, NO_ASSOCIATED_DATA);
            }
            return cipher.openWithoutKeyId(Base64.getDecoder().decode(stored), NO_ASSOCIATED_DATA);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a signing secret: " + e.getMessage(), e);
        }
    }

    /** Whether the re-encryption job can leave this stored secret alone. */
    public boolean isCurrent(String stored) {
        return stored == null || cipher.isCurrent(stored);
    }
}
