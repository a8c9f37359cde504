package org.zhonglou.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.zhonglou.devidentity.DevKeys;
import org.zhonglou.devidentity.JwtMinter;

/** Bearer tokens for tests, signed with a key pair made once per test JVM (never the local stack's). */
public final class TestTokens {

    private static final Path KEYS = createKeys();
    private static final JwtMinter MINTER = new JwtMinter(DevKeys.readPrivateKey(KEYS.resolve(DevKeys.PRIVATE_KEY_FILE)));

    private TestTokens() {
    }

    public static String publicKeyLocation() {
        return KEYS.resolve(DevKeys.PUBLIC_KEY_FILE).toUri().toString();
    }

    public static Path privateKeyFile() {
        return KEYS.resolve(DevKeys.PRIVATE_KEY_FILE);
    }

    public static String parent(String subject) {
        return token(subject, "PARENT");
    }

    public static String staff(String subject) {
        return token(subject, "STAFF");
    }

    public static String service() {
        return token("notification-service", "SERVICE");
    }

    public static String token(String subject, String role) {
        return token(subject, role, Duration.ofHours(1));
    }

    /** A token that expires {@code validity} from now (for what must end with the token). */
    public static String token(String subject, String role, Duration validity) {
        return MINTER.mint(subject, List.of(role), subject, validity);
    }

    /** The value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static Path createKeys() {
        try {
            Path dir = Files.createTempDirectory("zhonglou-test-keys");
            DevKeys.ensureKeyPair(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
