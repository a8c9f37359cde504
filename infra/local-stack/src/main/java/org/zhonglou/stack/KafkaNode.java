package org.zhonglou.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker in KRaft combined mode (broker and controller in one JVM), as the local stack runs
 * it: formats its storage on first start, then creates the services' topics once it is up.
 * Usage: {@code KafkaNode <dataDir>}.
 */
public final class KafkaNode {

    private static final Logger log = LoggerFactory.getLogger(KafkaNode.class);

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        Path kafkaDir = Path.of(args[0]).toAbsolutePath().resolve("kafka");
        Path logDir = kafkaDir.resolve("data");
        Path config = kafkaDir.resolve("server.properties");
        Files.createDirectories(logDir);
        writeConfig(config, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        Thread topics = new Thread(KafkaNode::createTopics, "create-topics");
        topics.setDaemon(true);
        topics.start();
        // Blocks until SIGTERM; Kafka installs its own shutdown hook for a clean stop.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Properties brokerConfig(Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + Ports.KAFKA_CONTROLLER);
        p.setProperty("listeners",
                "PLAINTEXT://localhost:" + Ports.KAFKA + ",CONTROLLER://localhost:" + Ports.KAFKA_CONTROLLER);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + Ports.KAFKA);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", String.valueOf(KafkaTopics.PARTITIONS));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("auto.create.topics.enable", "false");
        // A single broker cannot hold more than one replica of the internal topics.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a freshly started service should not wait 3 s for a rebalance nobody else joins.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void writeConfig(Path config, Path logDir) throws IOException {
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            brokerConfig(logDir).store(out, "Written by the local stack on every start; edit KafkaNode instead");
        }
    }

    private static void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        log.info("Formatting Kafka storage (cluster id {})", clusterId);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int code = kafka.tools.StorageTool.execute(
                new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()}, quiet);
        if (code != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + code);
        }
    }

    private static void createTopics() {
        String bootstrap = "localhost:" + Ports.KAFKA;
        for (int attempt = 1; attempt <= 60; attempt++) {
            try {
                KafkaTopics.ensure(bootstrap, 5_000);
                log.info("Topics ready: {}", KafkaTopics.NAMES);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.debug("Topics not created yet (attempt {}): {}", attempt, e.toString());
            }
        }
        log.error("Could not create the topics {} within the start-up window", KafkaTopics.NAMES);
    }
}
