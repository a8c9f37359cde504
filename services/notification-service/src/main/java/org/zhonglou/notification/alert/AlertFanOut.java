package org.zhonglou.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.delivery.Delivery;
import org.zhonglou.notification.delivery.DeliveryStatus;
import org.zhonglou.notification.delivery.Deliveries;
import org.zhonglou.notification.delivery.DeliveryWorker;
import org.zhonglou.notification.subscription.Subscription;
import org.zhonglou.notification.subscription.Subscriptions;

/**
 * Turns an alert notice into one delivery per matching subscription. The delivery id comes from
 * (notice id, subscription id): a redelivered record, a second instance or a repeated reminder sweep
 * inserts nothing new. A delivery due now is claimed in the same insert and sent at once.
 */
@Component
class AlertFanOut {

    private static final Logger log = LoggerFactory.getLogger(AlertFanOut.class);

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final NotificationProperties.Delivery config;
    private final Clock clock;

    AlertFanOut(Subscriptions subscriptions, Deliveries deliveries, DeliveryWorker worker,
                NotificationProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.worker = worker;
        this.config = properties.delivery();
        this.clock = clock;
    }

    void fanOut(AlertNotice notice) {
        List<Subscription> matching = subscriptions.all().stream()
                .filter(subscription -> AlertRouting.wants(subscription, notice.type(), notice.alert()))
                .toList();
        for (Subscription subscription : matching) {
            Instant now = clock.instant();
            Instant release = subscription.releaseTime(notice.alert().severity(), now);
            boolean sendNow = !release.isAfter(now);
            Delivery delivery = new Delivery(Delivery.idFor(notice.id(), subscription.id()), subscription.id(),
                    subscription.owner(), subscription.channel(), notice.id(), notice.type(),
                    notice.alert().alertId(), notice.alert().stationId(), notice.alert().severity(), notice.json(),
                    DeliveryStatus.PENDING, List.of(), 0, config.maxAttempts(), release,
                    sendNow ? now.plus(config.lease()) : now, now, null);
            if (!deliveries.insertIfNew(delivery)) {
                log.debug("Event {} already has delivery {}; skipped", notice.id(), delivery.id());
            } else if (sendNow) {
                worker.attemptSoon(delivery);
            } else {
                log.info("Delivery {} of event {} held by quiet hours until {}", delivery.id(), notice.id(), release);
            }
        }
    }
}
