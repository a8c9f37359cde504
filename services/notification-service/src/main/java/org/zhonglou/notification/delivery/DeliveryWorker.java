package org.zhonglou.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.scheduling.UnwrittenOutcomes;
import org.zhonglou.notification.subscription.Channel;
import org.zhonglou.notification.subscription.Subscription;
import org.zhonglou.notification.subscription.Subscriptions;

/**
 * Makes one attempt of a claimed delivery and records it: DELIVERED, RETRYING with the next time from
 * the backoff, or FAILED once the attempt budget is spent. New deliveries are tried at once (the
 * latency path); only retries wait for the dispatcher.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final WebhookSender webhooks;
    private final AlertMailSender mail;
    private final Executor executor;
    private final Backoff backoff;
    private final Clock clock;
    private final UnwrittenOutcomes unwritten = new UnwrittenOutcomes("Delivery");

    public DeliveryWorker(Deliveries deliveries, Subscriptions subscriptions, WebhookSender webhooks,
                          AlertMailSender mail, @Qualifier("sendExecutor") Executor executor,
                          NotificationProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.mail = mail;
        this.executor = executor;
        NotificationProperties.Delivery config = properties.delivery();
        this.backoff = new Backoff(config.initialBackoff(), config.multiplier(), config.maxBackoff(), config.jitter());
        this.clock = clock;
    }

    /** Runs the attempt on a worker; if all are busy the lease lapses and the dispatcher retakes it. */
    public void attemptSoon(Delivery delivery) {
        try {
            executor.execute(() -> attempt(delivery));
        } catch (RejectedExecutionException e) {
            log.warn("Send queue full; delivery {} of event {} waits for the dispatcher", delivery.id(),
                    delivery.eventId());
        }
    }

    /** Writes outcomes the store could not take; false while it still cannot (then nothing is claimed). */
    boolean writeHeldOutcomes() {
        return unwritten.flush();
    }

    void attempt(Delivery delivery) {
        if (unwritten.holds(delivery.id())) {
            return;
        }
        try {
            Optional<Subscription> subscription = subscriptions.find(delivery.subscriptionId());
            if (subscription.isEmpty()) {
                deliveries.fail(delivery.id(), "subscription deleted", clock.instant());
                return;
            }
            Outcome outcome = subscription.get().channel() == Channel.WEBHOOK
                    ? webhooks.send(subscription.get(), delivery)
                    : mail.send(subscription.get(), delivery);
            record(delivery, outcome);
        } catch (RuntimeException e) {
            // The lease expires and the dispatcher tries again; nothing is lost.
            log.warn("Delivery {} of event {} not recorded: {}", delivery.id(), delivery.eventId(), e.toString());
        }
    }

    private void record(Delivery delivery, Outcome outcome) {
        Instant now = clock.instant();
        Attempt attempt = new Attempt(now, outcome.statusCode(), outcome.error(), outcome.durationMs());
        int failures = delivery.attemptCount() + 1;
        if (outcome.delivered()) {
            unwritten.write(List.of(delivery.id()),
                    () -> deliveries.record(delivery.id(), attempt, DeliveryStatus.DELIVERED, null, now));
            log.debug("Delivery {} of event {} delivered", delivery.id(), delivery.eventId());
        } else if (failures >= delivery.giveUpAfter()) {
            deliveries.record(delivery.id(), attempt, DeliveryStatus.FAILED, null, now);
            log.warn("Delivery {} of event {} FAILED after {} attempts: {}", delivery.id(), delivery.eventId(),
                    failures, outcome.error());
        } else {
            Instant next = now.plus(backoff.delayAfter(failures));
            deliveries.record(delivery.id(), attempt, DeliveryStatus.RETRYING, next, now);
            log.info("Delivery {} of event {} attempt {} failed ({}); next at {}", delivery.id(),
                    delivery.eventId(), failures, outcome.error(), next);
        }
    }
}
