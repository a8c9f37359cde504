package org.zhonglou.station.storage;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.zhonglou.support.messaging.BatchRecords;

/**
 * The storage consumer of {@code station.readings.v1} (group station-monitoring-service), in batch mode:
 * one poll, one set of bulk writes. Kafka is the buffer under overload: the consumer takes what it can
 * write, so memory stays bounded by {@code max.poll.records}.
 *
 * <p>A store outage is retried every second for as long as it lasts (no dead letter for an outage: that
 * would be readings not stored); a record that can never be stored goes to
 * {@code station.readings.v1.station-monitoring-service.dlq} and its partition moves on (service-support's
 * dead-letter policy). Every write here is idempotent, so re-handling the records before a failed one is
 * harmless.
 */
@Configuration(proxyBeanMethods = false)
class ReadingsConsumerConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> storeReadings(ReadingWriter store) {
        return BatchRecords.of(ReceivedBatch::decode, store::store);
    }
}
