package org.zhonglou.station.alerting;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.zhonglou.station.storage.ReceivedBatch;
import org.zhonglou.support.messaging.BatchRecords;

/**
 * Alert evaluation reads {@code station.readings.v1} in its own consumer group, so a slow store write
 * never delays an alert and an alert problem never holds up storage. Same policy as storage: outages
 * retried until they end, a record that can never be evaluated dead-lettered to
 * {@code station.readings.v1.station-monitoring-service-alerts.dlq}. Evaluating a reading again is
 * harmless: older readings are ignored and the alerts turn repeated transitions into no-ops.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConsumerConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> evaluateReadings(ThresholdEvaluator evaluator) {
        return BatchRecords.of(ReceivedBatch::decode, evaluator::evaluate);
    }
}
