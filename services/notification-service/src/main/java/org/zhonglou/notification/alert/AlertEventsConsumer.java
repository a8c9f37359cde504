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
import org.zhonglou.support.bounds.TimeBounds;
import org.zhonglou.support.messaging.ReceivedEvents;

/**
 * {@code station.alerts.v1}, group {@code notification-service}: track the alert's state, then fan out.
 * Idempotent (deterministic delivery ids, conditional state upserts), so a redelivery is harmless. A store
 * outage is retried until it ends; an event that can never be handled (undecodable, or values such as an
 * absurd instant) goes to {@code station.alerts.v1.notification-service.dlq} (service-support's
 * dead-letter policy).
 */
@Configuration(proxyBeanMethods = false)
class AlertEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(AlertEventsConsumer.class);
    private static final int MAX_ID = 256;

    @Bean
    Consumer<Message<byte[]>> alertEvents(AlertStateTracker tracker, AlertFanOut fanOut) {
        return message -> {
            CloudEvent<AlertEvent> event = ReceivedEvents.read(message, AlertEvent.class,
                    AlertEventsConsumer::problem);
            AlertNotice notice = AlertNotice.of(event.id(), event.type(), event.source(), event.subject(),
                    event.time(), event.data(), message.getPayload());
            tracker.apply(event.data(), new String(message.getPayload(), StandardCharsets.UTF_8));
            fanOut.fanOut(notice);
            log.debug("Alert event {} ({}) of alert {} handled", event.id(), event.type(), event.data().alertId());
        };
    }

    /** Null when every field this consumer relies on is there and sane. */
    static String problem(AlertEvent alert) {
        if (blank(alert.alertId()) || blank(alert.stationId()) || blank(alert.rule())) {
            return "alertId, stationId and rule are required (at most " + MAX_ID + " characters)";
        }
        if (alert.severity() == null || alert.state() == null) {
            return "severity and state are required";
        }
        if (alert.value() != null && !Double.isFinite(alert.value())) {
            return "value must be a finite number";
        }
        return TimeBounds.contains(alert.occurredAt()) ? null : "occurredAt " + alert.occurredAt() + " "
                + TimeBounds.MESSAGE;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank() || value.length() > MAX_ID;
    }
}
