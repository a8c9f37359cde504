package org.zhonglou.notification.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.scheduling.DueSchedule;

/** Keeps {@link TrackedAlert} from the alert events and hands out due reminders, one claim at a time. */
@Component
class AlertStateTracker {

    private final MongoTemplate mongo;
    private final Duration interval;
    private final Clock clock;
    private final DueSchedule schedule;

    AlertStateTracker(MongoTemplate mongo, NotificationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.interval = properties.reminders().interval();
        this.clock = clock;
        this.schedule = new DueSchedule(properties.delivery().lease());
    }

    /** When the sweep should look for due reminders: each one this instance schedules, and a periodic look. */
    DueSchedule schedule() {
        return schedule;
    }

    /**
     * Applies an event unless a newer one was applied already. The conditional upsert finds no document
     * for a stale event and its insert then collides on the id, which is how staleness is detected.
     */
    void apply(AlertEvent alert, String dataJson) {
        boolean remind = alert.state() == AlertState.ACTIVE && alert.severity() == Severity.CRITICAL;
        Update update = new Update().set("stationId", alert.stationId()).set("severity", alert.severity())
                .set("state", alert.state()).set("data", dataJson).set("lastOccurredAt", alert.occurredAt())
                .setOnInsert("reminders", 0);
        if (remind) {
            update.set("nextReminderAt", clock.instant().plus(interval));
        } else {
            update.unset("nextReminderAt");
        }
        Query notNewer = Query.query(Criteria.where("_id").is(alert.alertId())
                .and("lastOccurredAt").lte(alert.occurredAt()));
        try {
            mongo.upsert(notNewer, update, TrackedAlert.class);
            if (remind) {
                schedule.wakeAt(clock.instant().plus(interval));
            }
        } catch (DuplicateKeyException stale) {
            // A newer event of this alert was applied already; this one changes nothing.
        }
    }

    /** Claims the next due reminder and schedules the one after it; empty when none is due. */
    Optional<TrackedAlert> claimDueReminder() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("state").is(AlertState.ACTIVE).and("severity").is(Severity.CRITICAL)
                .and("nextReminderAt").lte(now));
        Update next = new Update().set("nextReminderAt", now.plus(interval)).inc("reminders", 1);
        Optional<TrackedAlert> claimed = Optional.ofNullable(mongo.findAndModify(due, next,
                FindAndModifyOptions.options().returnNew(true), TrackedAlert.class));
        claimed.ifPresent(alert -> schedule.wakeAt(alert.nextReminderAt()));
        return claimed;
    }
}
