package org.zhonglou.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void matchesTheRfc4231StyleHmacOfTheExactBody() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a widely published vector.
        String signature = Signatures.sign("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anyChangeToTheBodyChangesTheSignature() {
        assertThat(Signatures.sign("k", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Signatures.sign("k", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
    }
}
