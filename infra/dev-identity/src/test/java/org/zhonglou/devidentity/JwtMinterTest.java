package org.zhonglou.devidentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtMinterTest {

    @TempDir
    Path keys;

    @Test
    void mintsATokenThatVerifiesWithThePublicKeyOnDisk() throws Exception {
        KeyPair pair = DevKeys.ensureKeyPair(keys);
        Clock clock = Clock.fixed(Instant.parse("2024-08-07T08:00:00Z"), ZoneOffset.UTC);

        String token = new JwtMinter(DevKeys.readPrivateKey(keys.resolve(DevKeys.PRIVATE_KEY_FILE)), clock)
                .mint("parent-1", List.of("PARENT"), "王 \"芳\"", Duration.ofHours(1));

        String[] parts = token.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(DevKeys.readPublicKey(keys.resolve(DevKeys.PUBLIC_KEY_FILE)));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"parent-1\"", "\"roles\":[\"PARENT\"]",
                "\"name\":\"王 \\\"芳\\\"\"", "\"exp\":" + (clock.instant().getEpochSecond() + 3600));
        assertThat(pair.getPublic()).isEqualTo(DevKeys.readPublicKey(keys.resolve(DevKeys.PUBLIC_KEY_FILE)));
    }

    @Test
    void keepsAnExistingKeyPair() {
        KeyPair first = DevKeys.ensureKeyPair(keys);
        KeyPair second = DevKeys.ensureKeyPair(keys);
        assertThat(second.getPublic()).isEqualTo(first.getPublic());
    }

    @Test
    void refusesUnknownRoles() {
        JwtMinter minter = new JwtMinter(DevKeys.readPrivateKey(write()));
        assertThatThrownBy(() -> minter.mint("x", List.of("ADMIN"), null, Duration.ofMinutes(1)))
                .hasMessageContaining("Unknown role 'ADMIN'");
    }

    private Path write() {
        DevKeys.ensureKeyPair(keys);
        return keys.resolve(DevKeys.PRIVATE_KEY_FILE);
    }
}
