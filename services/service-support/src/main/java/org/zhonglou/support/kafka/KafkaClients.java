package org.zhonglou.support.kafka;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings every Kafka client the service makes itself starts from (health check, dead-letter
 * publisher and replay, the live alert feed): the binder's brokers and its client configuration, which
 * holds the broker login ({@link KafkaLogin}). A client built from the brokers alone would be refused by a
 * broker that wants a login.
 */
public final class KafkaClients {

    private static final String BINDER = "spring.cloud.stream.kafka.binder";

    private KafkaClients() {
    }

    public static Map<String, Object> connection(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> connection = new HashMap<>(binder.bind(BINDER + ".configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        connection.put("bootstrap.servers", binder.bind(BINDER + ".brokers", String.class).orElse("localhost:9092"));
        return connection;
    }
}
