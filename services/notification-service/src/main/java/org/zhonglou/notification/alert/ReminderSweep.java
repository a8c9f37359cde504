package org.zhonglou.notification.alert;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.notification.scheduling.DueWork;
import org.zhonglou.support.messaging.CloudEventPublisher;

/**
 * Re-sends unacknowledged CRITICAL alerts every reminder interval. The n-th reminder of an alert has
 * the event id {@code <alertId>/reminder/<n>}, so its deliveries are created once whichever instance
 * claimed it and however often the sweep runs.
 */
@Component
class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);
    private static final int BATCH = 100;

    private final AlertStateTracker tracker;
    private final AlertFanOut fanOut;
    private final String source;
    private final Clock clock;

    ReminderSweep(AlertStateTracker tracker, AlertFanOut fanOut, CloudEventPublisher publisher, Clock clock) {
        this.tracker = tracker;
        this.fanOut = fanOut;
        this.source = publisher.source();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.reminders.sweep-interval}")
    void remind() {
        DueWork.drain("Reminder sweep", BATCH, tracker.schedule(), clock.instant(), tracker::claimDueReminder,
                this::remind, log);
    }

    private void remind(TrackedAlert alert) {
        AlertEvent data = EventCodec.decode(alert.data(), AlertEvent.class);
        fanOut.fanOut(AlertNotice.reminder(alert.alertId(), alert.reminders(), source, alert.stationId(),
                clock.instant(), data, alert.data()));
        log.info("Reminder {} of unacknowledged alert {} at station {}", alert.reminders(), alert.alertId(),
                alert.stationId());
    }
}
