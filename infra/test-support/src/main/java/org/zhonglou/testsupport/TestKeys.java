package org.zhonglou.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The services' keys for tests: random per test JVM, never the published dev-only values, and given the
 * way a deployment gives them (by their environment variable names), so integration tests run without
 * the local profile exactly as production does. Every stack test gets them; a further instance started
 * by hand takes {@link #variables()}.
 */
public final class TestKeys {

    private static final Map<String, Object> VARIABLES = Map.of(
            "PII_ENCRYPTION_KEY", random(),
            "PII_HASH_KEY", random(),
            "NOTIFICATION_SECRET_KEY", random(),
            "NOTIFICATION_CLIENT_SECRET", random());

    private TestKeys() {
    }

    public static Map<String, Object> variables() {
        return VARIABLES;
    }

    /** A fresh key: base64 of 32 random bytes, as {@code openssl rand -base64 32} makes one. */
    public static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
