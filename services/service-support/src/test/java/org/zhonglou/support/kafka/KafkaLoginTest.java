package org.zhonglou.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.support.StartRefused;

class KafkaLoginTest {

    private static final String CONFIG = KafkaLogin.CONFIGURATION;

    @Test
    void noProtocolOrPlaintextMeansNoLogin() {
        assertThat(KafkaLogin.properties(Map.<String, String>of()::get)).isEmpty();
        assertThat(KafkaLogin.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                "KAFKA_USERNAME", "ignored")::get)).isEmpty();
    }

    @Test
    void saslWithScramBecomesTheBindersClientLoginWithTheValuesQuoted() {
        Map<String, Object> login = KafkaLogin.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "sasl_plaintext",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_USERNAME", "registration-service",
                "KAFKA_PASSWORD", "a\"b\\c")::get);
        assertThat(login).containsEntry(CONFIG + "security.protocol", "SASL_PLAINTEXT")
                .containsEntry(CONFIG + "sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(CONFIG + "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"registration-service\" password=\"a\\\"b\\\\c\";");
    }

    @Test
    void theMechanismDefaultsToScramSha512() {
        assertThat(KafkaLogin.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_USERNAME", "u",
                "KAFKA_PASSWORD", "p")::get)).containsEntry(CONFIG + "sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void aSaslProtocolWithoutUserOrPasswordOrWithAnUnknownMechanismRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> KafkaLogin.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_PASSWORD", "p")::get)).isInstanceOf(StartRefused.class).hasMessageContaining("KAFKA_USERNAME");
        assertThatThrownBy(() -> KafkaLogin.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_USERNAME", "u", "KAFKA_PASSWORD", " ")::get)).hasMessageContaining("KAFKA_PASSWORD");
        assertThatThrownBy(() -> KafkaLogin.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "GSSAPI", "KAFKA_USERNAME", "u", "KAFKA_PASSWORD", "p")::get))
                .hasMessageContaining("KAFKA_SASL_MECHANISM");
        assertThatThrownBy(() -> KafkaLogin.properties(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL")::get))
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
    }
}
