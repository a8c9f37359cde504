package org.zhonglou.support.deadletter;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Puts a record that can never be processed on its consumer's dead-letter topic, unchanged (key, value,
 * headers), with Spring Kafka's {@code kafka_dlt-*} headers: exception class and message, original topic,
 * partition (4-byte int), offset (8-byte long), timestamp and consumer group. Counted and logged only
 * once the broker has acknowledged it; if it cannot be sent the error handler tries again later and the
 * record is not committed.
 */
final class DeadLetterPublisher implements ConsumerAwareRecordRecoverer {

    private final DeadLetterPublishingRecoverer delegate;
    private final DeadLetterTopics topics;
    private final DeadLetters deadLetters;
    private final DeadLetters.Consumer consumer;

    DeadLetterPublisher(KafkaOperations<byte[], byte[]> template, DeadLetterTopics topics, DeadLetters deadLetters,
                        DeadLetters.Consumer consumer) {
        this.delegate = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(consumer.deadLetterTopic(), -1));
        this.topics = topics;
        this.deadLetters = deadLetters;
        this.consumer = consumer;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> kafka, Exception failure) {
        Exception reason = DeadLetterReasons.reason(failure);
        topics.ensure(consumer.deadLetterTopic());
        delegate.accept(record, kafka, reason);
        deadLetters.deadLettered(consumer, record, reason);
    }
}
