package org.zhonglou.testsupport;

import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/** Production images, pinned, started once per test JVM and shared (Testcontainers' Ryuk removes them). */
final class ContainerStack {

    static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.2");
    static final DockerImageName MONGO = DockerImageName.parse("mongo:8.0");

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    private ContainerStack() {
    }

    static synchronized Map<String, Object> properties() {
        if (kafka == null) {
            kafka = new KafkaContainer(KAFKA);
            mongo = new MongoDBContainer(MONGO);
            kafka.start();
            mongo.start();
        }
        return Map.of(
                "spring.mongodb.uri", mongo.getReplicaSetUrl("it"),
                "spring.cloud.stream.kafka.binder.brokers", kafka.getBootstrapServers());
    }
}
