package org.zhonglou.station.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Device keys: 256 random bits, shown once. A plain SHA-256 is the right hash here (unlike passwords):
 * the key has full entropy, so there is nothing to brute-force, and the lookup must be a point read.
 */
final class DeviceKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "zdk_";

    private DeviceKeys() {
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
