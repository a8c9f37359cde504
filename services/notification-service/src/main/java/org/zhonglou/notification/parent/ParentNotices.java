package org.zhonglou.notification.parent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.scheduling.DueSchedule;

@Component
class ParentNotices {

    private final MongoTemplate mongo;
    private final DueSchedule schedule;

    ParentNotices(MongoTemplate mongo, NotificationProperties properties) {
        this.mongo = mongo;
        this.schedule = new DueSchedule(properties.delivery().lease());
    }

    /** When the dispatcher should look for due notices; every retry this store writes is in it. */
    DueSchedule schedule() {
        return schedule;
    }

    boolean insertIfNew(ParentNotice notice) {
        try {
            mongo.insert(notice);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<ParentNotice> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, ParentNotice.class));
    }

    Optional<ParentNotice> claimDue(Instant now, Duration lease) {
        Query due = Query.query(Criteria.where("state").is(ParentNotice.State.PENDING).and("nextAttemptAt").lte(now)
                .and("leaseUntil").lte(now));
        return Optional.ofNullable(mongo.findAndModify(due, Update.update("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), ParentNotice.class));
    }

    /** One write for a batch: each notice that is still PENDING becomes {@code state}. */
    void finishAll(List<String> eventIds, ParentNotice.State state, String error, Instant now) {
        Update update = new Update().set("state", state).inc("attempts", 1).set("lastError", error)
                .set("sentAt", state == ParentNotice.State.SENT ? now : null).unset("nextAttemptAt");
        mongo.updateMulti(Query.query(Criteria.where("_id").in(eventIds).and("state").is(ParentNotice.State.PENDING)),
                update, ParentNotice.class);
    }

    void retryAt(String eventId, String error, Instant next, Instant now) {
        Update update = new Update().inc("attempts", 1).set("lastError", error).set("nextAttemptAt", next)
                .set("leaseUntil", now);
        mongo.updateFirst(pending(eventId), update, ParentNotice.class);
        schedule.wakeAt(next);
    }

    private static Query pending(String eventId) {
        return Query.query(Criteria.where("_id").is(eventId).and("state").is(ParentNotice.State.PENDING));
    }
}
