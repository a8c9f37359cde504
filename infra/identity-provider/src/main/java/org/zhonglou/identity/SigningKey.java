package org.zhonglou.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The provider's RSA signing key, kept as a JWK file in the data directory so that tokens stay valid
 * across restarts and the services' cached JWKS stays right. Owner-only file permissions.
 */
final class SigningKey {

    static final String FILE = "identity-provider/signing-key.jwk.json";

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .generate();
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
            restrict(temp);
            Files.writeString(temp, key.toJSONString(), StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Unusable signing key in " + file + "; delete it to make a new one", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // No POSIX permissions (Windows): DATA_DIR must then be a directory only its user can read.
        }
    }
}
