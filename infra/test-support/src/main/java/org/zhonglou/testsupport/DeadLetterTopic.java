package org.zhonglou.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a consumer's dead-letter topic ({@code <topic>.<group>.dlq}) as it is now, with the headers
 * Spring Kafka's dead-letter publisher adds decoded: exception class and message, and where the record
 * came from. No consumer group (assigned partitions, up to the end offsets), so a test can ask often.
 */
public final class DeadLetterTopic {

    public record Letter(String key, byte[] value, String exceptionClass, String exceptionMessage,
                         String originalTopic, int originalPartition, long originalOffset) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private DeadLetterTopic() {
    }

    public static String name(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    /** Every record on the topic now; empty when it does not exist (yet). */
    public static List<Letter> read(String brokers, String topic) {
        return read(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), topic);
    }

    /** {@code client}: brokers and login; against the local stack the admin's ({@code LocalStack.kafkaClient}). */
    public static List<Letter> read(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics(TIMEOUT).getOrDefault(topic, List.of()).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(letter(record));
                }
            }
        }
        return letters;
    }

    private static Letter letter(ConsumerRecord<String, byte[]> record) {
        return new Letter(record.key(), record.value(), text(record, "kafka_dlt-exception-fqcn"),
                text(record, "kafka_dlt-exception-message"), text(record, "kafka_dlt-original-topic"),
                ByteBuffer.wrap(raw(record, "kafka_dlt-original-partition")).getInt(),
                ByteBuffer.wrap(raw(record, "kafka_dlt-original-offset")).getLong());
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        return new String(raw(record, name), StandardCharsets.UTF_8);
    }

    private static byte[] raw(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        if (header == null) {
            throw new AssertionError("dead letter without header " + name);
        }
        return header.value();
    }
}
