package org.zhonglou.support.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * This service's consumers and what they dead-lettered: a counter per consumer
 * ({@code zhonglou.dead.letters}, Prometheus {@code zhonglou_dead_letters_total}), one log line per dead
 * letter, and the {@code deadLetters} health component (UP: a dead letter is parked, not an outage;
 * the counts are its details).
 */
final class DeadLetters extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String METER = "zhonglou.dead.letters";

    /** One consumer binding: its function name, what it reads, and where its dead letters go. */
    record Consumer(String name, String topic, String group, String deadLetterTopic) {
    }

    private final MeterRegistry meters;
    private final BindingServiceProperties bindings;
    private final Map<String, Consumer> byDeadLetterTopic = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    DeadLetters(MeterRegistry meters, BindingServiceProperties bindings) {
        super("Dead-letter counts unavailable");
        this.meters = meters;
        this.bindings = bindings;
    }

    Consumer register(String topic, String group) {
        String name = bindings.getBindings().entrySet().stream()
                .filter(binding -> topic.equals(binding.getValue().getDestination())
                        && group.equals(binding.getValue().getGroup()))
                .map(binding -> binding.getKey().replaceFirst("-in-\\d+$", ""))
                .findFirst().orElse(group);
        Consumer consumer = new Consumer(name, topic, group, DeadLetterTopics.nameFor(topic, group));
        byDeadLetterTopic.put(consumer.deadLetterTopic(), consumer);
        counters.computeIfAbsent(consumer.name(), key -> Counter.builder(METER).tag("consumer", key)
                .description("Records this consumer could never process, sent to its dead-letter topic")
                .register(meters));
        return consumer;
    }

    Collection<Consumer> consumers() {
        return byDeadLetterTopic.values();
    }

    Optional<Consumer> byDeadLetterTopic(String topic) {
        return Optional.ofNullable(byDeadLetterTopic.get(topic));
    }

    long count(Consumer consumer) {
        return (long) counters.get(consumer.name()).count();
    }

    void deadLettered(Consumer consumer, ConsumerRecord<?, ?> record, Exception reason) {
        counters.get(consumer.name()).increment();
        log.warn("Consumer {} could never process {}-{}@{}; sent to {}: {}: {}", consumer.name(), record.topic(),
                record.partition(), record.offset(), consumer.deadLetterTopic(), reason.getClass().getName(),
                reason.getMessage());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        consumers().forEach(consumer -> builder.withDetail(consumer.name(), Map.of(
                "deadLetterTopic", consumer.deadLetterTopic(), "deadLetteredSinceStart", count(consumer))));
    }
}
