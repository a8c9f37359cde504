package org.zhonglou.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends the records of a dead-letter topic back to the topic they came from, once the cause is fixed:
 * same key, value and headers (without the {@code kafka_dlt-*} ones), so consumers see the original
 * event again. Progress is the committed offset of the group {@code <dead-letter topic>.replay}: a record
 * is replayed once, and a record that fails again lands in the dead-letter topic again, after the mark.
 * One replay at a time per instance.
 */
final class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_DURATION = Duration.ofMinutes(1);
    private static final String DLT_PREFIX = "kafka_dlt-";

    record Result(String deadLetterTopic, String topic, long replayed, long remaining) {
    }

    private final KafkaClientSettings settings;
    private final KafkaOperations<byte[], byte[]> template;

    DeadLetterReplay(KafkaClientSettings settings, KafkaOperations<byte[], byte[]> template) {
        this.settings = settings;
        this.template = template;
    }

    /** Records waiting for a replay (end of the topic minus the replay group's mark). */
    long waiting(DeadLetters.Consumer consumer) {
        try (KafkaConsumer<byte[], byte[]> reader = reader(consumer)) {
            Map<TopicPartition, Long> end = reader.endOffsets(partitions(reader, consumer), TIMEOUT);
            return remaining(end, marks(reader, end.keySet()));
        }
    }

    synchronized Result replay(DeadLetters.Consumer consumer, long max) {
        long replayed = 0;
        try (KafkaConsumer<byte[], byte[]> reader = reader(consumer)) {
            List<TopicPartition> partitions = partitions(reader, consumer);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> position = marks(reader, end.keySet());
            reader.assign(partitions);
            position.forEach(reader::seek);
            long deadline = System.nanoTime() + MAX_DURATION.toNanos();
            while (replayed < max && remaining(end, position) > 0 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (replayed >= max || record.offset() >= end.get(partition)) {
                        break;
                    }
                    send(consumer, record);
                    replayed++;
                    position.put(partition, record.offset() + 1);
                    reader.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)), TIMEOUT);
                }
                position.forEach(reader::seek);
            }
            long remaining = remaining(end, position);
            log.info("Replayed {} record(s) of {} to {}; {} remaining", replayed, consumer.deadLetterTopic(),
                    consumer.topic(), remaining);
            return new Result(consumer.deadLetterTopic(), consumer.topic(), replayed, remaining);
        }
    }

    private void send(DeadLetters.Consumer consumer, ConsumerRecord<byte[], byte[]> record) {
        Header original = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String topic = original == null ? consumer.topic() : new String(original.value(), StandardCharsets.UTF_8);
        if (!topic.equals(consumer.topic())) {
            throw new IllegalStateException("Record " + record.offset() + " of " + record.topic() + " came from "
                    + topic + ", not " + consumer.topic() + "; not replayed");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_PREFIX)) {
                headers.add(header);
            }
        }
        try {
            template.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                throw new NotPermitted(topic);
            }
            throw new IllegalStateException("The broker did not take the replayed record " + record.offset(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The broker did not take the replayed record " + record.offset(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
    }

    /**
     * The broker's ACLs let a service write only the topics it owns; a consumer of another service's topic
     * (notification of alerts and enrollments) cannot put records back there itself.
     */
    static final class NotPermitted extends RuntimeException {

        final String topic;

        NotPermitted(String topic) {
            super("Not permitted to write " + topic);
            this.topic = topic;
        }
    }

    private KafkaConsumer<byte[], byte[]> reader(DeadLetters.Consumer consumer) {
        return new KafkaConsumer<>(settings.consumer(consumer.deadLetterTopic() + ".replay"));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> reader,
            DeadLetters.Consumer consumer) {
        return reader.partitionsFor(consumer.deadLetterTopic(), TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static Map<TopicPartition, Long> marks(KafkaConsumer<byte[], byte[]> reader, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(partitions, TIMEOUT);
        Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> marks = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata mark = committed.get(partition);
            marks.put(partition, Math.max(begin.get(partition), mark == null ? 0 : mark.offset()));
        }
        return marks;
    }

    private static long remaining(Map<TopicPartition, Long> end, Map<TopicPartition, Long> position) {
        return end.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - position.get(e.getKey()))).sum();
    }
}
