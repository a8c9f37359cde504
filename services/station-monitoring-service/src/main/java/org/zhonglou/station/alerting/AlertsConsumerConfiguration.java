package org.zhonglou.station.alerting;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.zhonglou.station.storage.ReceivedBatch;

/**
 * Alert evaluation reads {@code station.readings.v1} in its own consumer group, so a slow store write
 * never delays an alert and an alert problem never holds up storage. Same retry-until-done policy.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConsumerConfiguration {

    @Bean
    Consumer<Message<List<byte[]>>> evaluateReadings(ThresholdEvaluator evaluator) {
        return message -> evaluator.evaluate(ReceivedBatch.decode(message));
    }
}
