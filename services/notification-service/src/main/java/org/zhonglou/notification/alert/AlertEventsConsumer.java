package org.zhonglou.notification.alert;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.support.messaging.ReceivedEvents;

/**
 * {@code station.alerts.v1}, group {@code notification-service}: track the alert's state, then fan out.
 * Idempotent (deterministic delivery ids, conditional state upserts), so a redelivery is harmless; a
 * failure is thrown back to the binder, which retries and finally parks the record in the DLQ.
 */
@Configuration(proxyBeanMethods = false)
class AlertEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(AlertEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> alertEvents(AlertStateTracker tracker, AlertFanOut fanOut) {
        return message -> {
            CloudEvent<AlertEvent> event = ReceivedEvents.read(message, AlertEvent.class);
            AlertNotice notice = AlertNotice.of(event.id(), event.type(), event.source(), event.subject(),
                    event.time(), event.data(), message.getPayload());
            tracker.apply(event.data(), new String(message.getPayload(), StandardCharsets.UTF_8));
            fanOut.fanOut(notice);
            log.debug("Alert event {} ({}) of alert {} handled", event.id(), event.type(), event.data().alertId());
        };
    }
}
