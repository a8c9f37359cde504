package org.zhonglou.support.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The progress document of one job in {@code keyRotations}: how far the walk got and who walks. Every
 * change is one conditional update on the values as read, so of two instances claiming at once exactly
 * one wins; a lease that is not renewed (the holder died) expires and the next run takes over from the
 * last page recorded.
 */
final class RekeyLease {

    static final String COLLECTION = "keyRotations";

    private final MongoTemplate mongo;
    private final String job;
    private final Duration length;
    private final String owner = UUID.randomUUID().toString();

    RekeyLease(MongoTemplate mongo, String job, Duration length) {
        this.mongo = mongo;
        this.job = job;
        this.length = length;
    }

    Document read() {
        return mongo.findById(job, Document.class, COLLECTION);
    }

    /**
     * Takes the lease for a pass towards {@code target}: continues an unfinished pass towards the same
     * target, else starts a new one ({@code again}: also after a finished pass). Empty when another
     * instance holds the lease, or the pass is finished and {@code again} is false.
     */
    Optional<Document> claim(String target, boolean again, Instant now) {
        Document doc = read();
        if (doc == null) {
            try {
                mongo.insert(fresh(target, now).append("_id", job).append("owner", owner)
                        .append("leaseUntil", Date.from(now.plus(length))), COLLECTION);
                return Optional.ofNullable(read());
            } catch (DuplicateKeyException raced) {
                return Optional.empty();
            }
        }
        Date leaseUntil = doc.getDate("leaseUntil");
        if (leaseUntil != null && leaseUntil.toInstant().isAfter(now) && !owner.equals(doc.getString("owner"))) {
            return Optional.empty();
        }
        boolean sameTarget = target.equals(doc.getString("target"));
        boolean finished = doc.get("finishedAt") != null;
        if (sameTarget && finished && !again) {
            return Optional.empty();
        }
        Update update = new Update().set("owner", owner).set("leaseUntil", Date.from(now.plus(length)));
        if (!sameTarget || finished) {
            fresh(target, now).forEach(update::set);
        }
        Query asRead = Query.query(Criteria.where("_id").is(job).and("owner").is(doc.getString("owner"))
                .and("leaseUntil").is(leaseUntil).and("target").is(doc.getString("target")));
        if (mongo.updateFirst(asRead, update, COLLECTION).getModifiedCount() != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(read());
    }

    /** Records a page done and renews the lease; false when the lease was lost meanwhile (stop). */
    boolean advance(Object lastId, long checked, long rewritten, long left, Instant now) {
        Update update = new Update().set("after", lastId).inc("checked", checked).inc("rewritten", rewritten)
                .inc("left", left).set("updatedAt", Date.from(now))
                .set("leaseUntil", Date.from(now.plus(length)));
        return mongo.updateFirst(mine(), update, COLLECTION).getModifiedCount() == 1;
    }

    void finish(Instant now) {
        mongo.updateFirst(mine(), new Update().set("finishedAt", Date.from(now)).set("updatedAt", Date.from(now))
                .unset("leaseUntil"), COLLECTION);
    }

    /** Lets another instance continue at once instead of waiting for the lease to run out. */
    void release() {
        mongo.updateFirst(mine(), new Update().unset("leaseUntil"), COLLECTION);
    }

    private Query mine() {
        return Query.query(Criteria.where("_id").is(job).and("owner").is(owner));
    }

    private static Document fresh(String target, Instant now) {
        return new Document("target", target).append("after", null).append("checked", 0L).append("rewritten", 0L)
                .append("left", 0L).append("startedAt", Date.from(now)).append("updatedAt", Date.from(now))
                .append("finishedAt", null);
    }
}
