package org.zhonglou.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.scheduling.DueWork;

/**
 * Picks up due deliveries from the store: retries, quiet-hours releases and anything a crashed
 * instance left leased. The schedule lives in the documents, so it survives restarts; the claim is a
 * findAndModify, so two instances never send the same delivery at once.
 */
@Component
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 200;

    private final Deliveries store;
    private final DeliveryWorker worker;
    private final Duration lease;
    private final Duration retention;
    private final Clock clock;

    DeliveryDispatcher(Deliveries store, DeliveryWorker worker, NotificationProperties properties, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.lease = properties.delivery().lease();
        this.retention = properties.delivery().retention();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.delivery.dispatch-interval}")
    void dispatchDue() {
        if (!worker.writeHeldOutcomes()) {
            return;
        }
        Instant now = clock.instant();
        DueWork.drain("Delivery dispatcher", BATCH, store.schedule(), now, () -> store.claimDue(now, lease),
                worker::attemptSoon, log);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        try {
            Instant cutoff = clock.instant().minus(retention);
            long removed = store.purgeCompletedBefore(cutoff);
            log.info("Purged {} completed deliveries older than {}", removed, cutoff);
        } catch (RuntimeException e) {
            log.warn("Purge failed: {}", e.toString());
        }
    }
}
