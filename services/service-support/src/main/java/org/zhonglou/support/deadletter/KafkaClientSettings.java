package org.zhonglou.support.deadletter;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.zhonglou.support.kafka.KafkaClients;

/**
 * Kafka client settings for the clients the dead-letter handling makes itself (publisher, replay,
 * topic admin), taken from the binder's own properties so that brokers and any security settings under
 * {@code spring.cloud.stream.kafka.binder.configuration} apply to them too.
 */
final class KafkaClientSettings {

    private static final String BINDER = "spring.cloud.stream.kafka.binder";

    private final Map<String, Object> common = new HashMap<>();
    private final Map<String, String> producer;
    private final short replicationFactor;

    KafkaClientSettings(Environment environment) {
        Binder binder = Binder.get(environment);
        common.putAll(KafkaClients.connection(environment));
        producer = binder.bind(BINDER + ".producer-properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        replicationFactor = binder.bind(BINDER + ".replication-factor", Short.class).orElse((short) 1);
    }

    short replicationFactor() {
        return replicationFactor;
    }

    /** Synchronous, idempotent, every replica: a dead letter must not be lost on its way. */
    Map<String, Object> producer() {
        Map<String, Object> config = only(ProducerConfig.configNames());
        config.putAll(producer);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    Map<String, Object> consumer(String group) {
        Map<String, Object> config = only(ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** Quick answers: the admin client runs on consumer threads and request threads. */
    Map<String, Object> admin() {
        Map<String, Object> config = only(AdminClientConfig.configNames());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private Map<String, Object> only(java.util.Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        common.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
