package org.zhonglou.kafkaaccess;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The one set-up of a single-node KRaft broker (broker and controller in one JVM), shared by the local
 * stack's {@code KafkaNode} and test-support's {@code RestartableKafka}, so the broker the tests run
 * against is the broker {@code ./run.sh} starts. Each adds only what differs: the stack's partitions and
 * no auto-created topics, the tests' fewer offsets partitions.
 */
public final class SingleNodeBroker {

    private SingleNodeBroker() {
    }

    /**
     * Settings of a broker on {@code host:port} (controller on {@code controllerPort}) keeping its log in
     * {@code logDir}: one replica of everything, since there is one broker; with {@code credentials} every
     * client logs in ({@link SecuredBroker}), without them the listener is plaintext.
     */
    public static Properties config(String host, int port, int controllerPort, Path logDir,
                                    KafkaCredentials credentials) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // A single broker cannot hold more than one replica of the internal topics.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a freshly started service should not wait 3 s for a rebalance nobody else joins.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return credentials == null ? p : SecuredBroker.configure(p, host, port, controllerPort, credentials);
    }

    /**
     * Formats the storage named by the broker config in {@code configFile} as a new cluster (with the
     * admin's SCRAM credential when {@code credentials} are given); what the tool prints is dropped.
     *
     * @return the new cluster's id
     */
    public static String format(Path configFile, KafkaCredentials credentials) {
        String clusterId = Uuid.randomUuid().toString();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--config",
                configFile.toString()));
        if (credentials != null) {
            args.addAll(SecuredBroker.formatArguments(credentials));
        }
        int code = kafka.tools.StorageTool.execute(args.toArray(String[]::new), quiet);
        if (code != 0) {
            throw new IllegalStateException("Formatting the Kafka storage of " + configFile + " failed with exit code "
                    + code);
        }
        return clusterId;
    }
}
