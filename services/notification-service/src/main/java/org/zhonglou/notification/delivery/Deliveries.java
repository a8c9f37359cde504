package org.zhonglou.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.notification.scheduling.DueSchedule;

/** Every state change of a delivery is one atomic single-document operation. */
@Component
public class Deliveries {

    private static final List<DeliveryStatus> OPEN = List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING);

    private final MongoTemplate mongo;
    private final DueSchedule schedule;

    public Deliveries(MongoTemplate mongo, NotificationProperties properties) {
        this.mongo = mongo;
        this.schedule = new DueSchedule(properties.delivery().lease());
    }

    /** When the dispatcher should look for due deliveries; every future attempt this store writes is in it. */
    public DueSchedule schedule() {
        return schedule;
    }

    /** @return false when a delivery with this id already exists (the event was seen before) */
    public boolean insertIfNew(Delivery delivery) {
        try {
            mongo.insert(delivery);
            if (delivery.nextAttemptAt() != null && !delivery.leaseUntil().isAfter(delivery.nextAttemptAt())) {
                schedule.wakeAt(delivery.nextAttemptAt());
            }
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Claims one due, unleased delivery for {@code lease}; two instances never get the same one. */
    public Optional<Delivery> claimDue(Instant now, Duration lease) {
        Query due = Query.query(Criteria.where("status").in(OPEN).and("nextAttemptAt").lte(now)
                .and("leaseUntil").lte(now));
        return Optional.ofNullable(mongo.findAndModify(due, Update.update("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    /** Appends the attempt and moves the delivery on; a no-op if it was already completed. */
    public void record(String id, Attempt attempt, DeliveryStatus status, Instant nextAttemptAt, Instant now) {
        Update update = new Update().push("attempts", attempt).inc("attemptCount", 1).set("status", status);
        if (status == DeliveryStatus.RETRYING) {
            update.set("nextAttemptAt", nextAttemptAt).set("leaseUntil", now);
        } else {
            update.set("completedAt", now).unset("nextAttemptAt");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").in(OPEN)), update, Delivery.class);
        if (status == DeliveryStatus.RETRYING) {
            schedule.wakeAt(nextAttemptAt);
        }
    }

    public void fail(String id, String reason, Instant now) {
        record(id, new Attempt(now, null, reason, 0), DeliveryStatus.FAILED, null, now);
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /** FAILED to RETRYING with a fresh budget of attempts, claimed by the caller; empty if it raced. */
    public Optional<Delivery> reopen(Delivery failed, int moreAttempts, Instant now, Duration lease) {
        Query query = Query.query(Criteria.where("_id").is(failed.id()).and("status").is(DeliveryStatus.FAILED)
                .and("attemptCount").is(failed.attemptCount()));
        Update update = new Update().set("status", DeliveryStatus.RETRYING).set("nextAttemptAt", now)
                .set("leaseUntil", now.plus(lease)).set("giveUpAfter", failed.attemptCount() + moreAttempts)
                .unset("completedAt");
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Delivery.class));
    }

    public List<Delivery> list(String owner, String subscriptionId, DeliveryStatus status, int limit) {
        Criteria criteria = Criteria.where("owner").is(owner);
        if (subscriptionId != null) {
            criteria = criteria.and("subscriptionId").is(subscriptionId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                Delivery.class);
    }

    /** Completed deliveries past retention (TTL indexes are not enforced by the local store). */
    public long purgeCompletedBefore(Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("status").in(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED)
                .and("completedAt").lt(cutoff)), Delivery.class).getDeletedCount();
    }
}
