package org.zhonglou.station.storage;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.FixedBackOff;
import org.zhonglou.contracts.Topics;

/**
 * The storage consumer of {@code station.readings.v1} (group station-monitoring-service), in batch mode:
 * one poll, one set of bulk writes. Kafka is the buffer under overload: the consumer takes what it can
 * write, so memory stays bounded by {@code max.poll.records}.
 */
@Configuration(proxyBeanMethods = false)
class ReadingsConsumerConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> storeReadings(ReadingStore store) {
        return message -> store.store(ReceivedBatch.decode(message));
    }

    /**
     * A store outage must not send readings to a dead-letter topic: the poll is retried every second
     * until it is written (the consumer pauses, so nothing piles up). Records that are not valid events
     * are logged and skipped by {@link ReceivedBatch#decode} instead, so they cannot block the partition.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryReadingsUntilStored() {
        return (container, destination, group) -> {
            if (Topics.STATION_READINGS.equals(destination)) {
                container.setCommonErrorHandler(new DefaultErrorHandler(
                        new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
            }
        };
    }
}
