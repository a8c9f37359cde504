package org.zhonglou.kafkaaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleNodeBrokerTest {

    @Test
    void withoutCredentialsTheListenerIsPlaintextAndEveryInternalTopicHasOneReplica() {
        Properties config = SingleNodeBroker.config("127.0.0.1", 9092, 9093, Path.of("/tmp/kafka-log"), null);

        assertThat(config.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(config.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("authorizer.class.name")).isNull();
    }

    @Test
    void withCredentialsEveryClientLogsInAndTheAuthorizerDecides() {
        Properties config = SingleNodeBroker.config("localhost", 9092, 9093, Path.of("/tmp/kafka-log"),
                KafkaCredentials.random());

        assertThat(config.getProperty("listeners")).isEqualTo("SASL_PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093");
        assertThat(config.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(config.getProperty("log.dirs")).isEqualTo("/tmp/kafka-log");
    }

    @Test
    void formattingWritesTheClusterIdIntoTheLogDirectory(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("data");
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            SingleNodeBroker.config("127.0.0.1", 19092, 19093, log, KafkaCredentials.random()).store(out, null);
        }

        String clusterId = SingleNodeBroker.format(file, KafkaCredentials.random());

        assertThat(Files.readString(log.resolve("meta.properties"))).contains("cluster.id=" + clusterId);
    }
}
