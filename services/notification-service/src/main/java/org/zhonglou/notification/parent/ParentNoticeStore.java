package org.zhonglou.notification.parent;

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

@Component
class ParentNoticeStore {

    private final MongoTemplate mongo;

    ParentNoticeStore(MongoTemplate mongo) {
        this.mongo = mongo;
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

    void finish(String eventId, ParentNotice.State state, String error, Instant now) {
        Update update = new Update().set("state", state).inc("attempts", 1).set("lastError", error)
                .set("sentAt", state == ParentNotice.State.SENT ? now : null).unset("nextAttemptAt");
        mongo.updateFirst(pending(eventId), update, ParentNotice.class);
    }

    void retryAt(String eventId, String error, Instant next, Instant now) {
        Update update = new Update().inc("attempts", 1).set("lastError", error).set("nextAttemptAt", next)
                .set("leaseUntil", now);
        mongo.updateFirst(pending(eventId), update, ParentNotice.class);
    }

    private static Query pending(String eventId) {
        return Query.query(Criteria.where("_id").is(eventId).and("state").is(ParentNotice.State.PENDING));
    }
}
