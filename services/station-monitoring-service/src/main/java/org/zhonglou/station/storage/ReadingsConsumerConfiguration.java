package org.zhonglou.station.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.FixedBackOff;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.station.ReadingsAccepted;

/**
 * The storage consumer of {@code station.readings.v1} (group station-monitoring-service), in batch mode:
 * one poll, one set of bulk writes. Kafka is the buffer under overload: the consumer takes what it can
 * write, so memory stays bounded by {@code max.poll.records}.
 */
@Configuration(proxyBeanMethods = false)
class ReadingsConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadingsConsumerConfiguration.class);

    @Bean
    Consumer<Message<List<byte[]>>> storeReadings(ReadingStore store) {
        return message -> store.store(decode(message));
    }

    /**
     * A store outage must not send readings to a dead-letter topic: the poll is retried every second
     * until it is written (the consumer pauses, so nothing piles up). Records that are not valid events
     * are logged and skipped by {@link #decode} instead, so they cannot block the partition.
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

    static List<ReceivedBatch> decode(Message<List<byte[]>> message) {
        List<byte[]> payloads = message.getPayload();
        List<?> partitions = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = message.getHeaders().get(KafkaHeaders.OFFSET, List.class);
        List<ReceivedBatch> batches = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            int partition = ((Number) partitions.get(i)).intValue();
            long offset = ((Number) offsets.get(i)).longValue();
            try {
                ReadingsAccepted batch = EventCodec.decode(payloads.get(i), ReadingsAccepted.class);
                if (batch.batchId() == null || batch.stationId() == null || batch.deviceId() == null) {
                    throw new IllegalArgumentException("batchId, stationId and deviceId are required");
                }
                batches.add(new ReceivedBatch(partition, offset, batch));
            } catch (IllegalArgumentException | NullPointerException e) {
                log.error("Skipping record {}:{} of {}: not a valid ReadingsAccepted ({})", partition, offset,
                        Topics.STATION_READINGS, e.getMessage());
            }
        }
        return batches;
    }
}
