package org.zhonglou.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a fresh consumer group, as an outside consumer would, until the
 * records that match reach the expected count or the time is up. Returns what it saw, so the test
 * asserts exact counts (duplicates included).
 */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, byte[]>> read(String brokers, String topic,
            Predicate<ConsumerRecord<String, byte[]>> filter, int expected, Duration within) {
        return read(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), topic, filter, expected, within);
    }

    /** {@code client}: brokers and login, e.g. {@link RestartableKafka#client}. */
    public static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> client, String topic,
            Predicate<ConsumerRecord<String, byte[]>> filter, int expected, Duration within) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && matched.size() < expected) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        matched.add(record);
                    }
                });
            }
            // One more short poll so that a duplicate right behind the expected records is seen too.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (filter.test(record)) {
                    matched.add(record);
                }
            });
        }
        return matched;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
