package org.zhonglou.station.alerting;

import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Persisted hysteresis state per station, device and rule ({@code rule_states}), so a pending
 * {@code forSeconds} and a firing rule survive a restart and are shared by instances.
 */
@Component
class RuleStates {

    static final String COLLECTION = "rule_states";

    private final MongoTemplate mongo;

    RuleStates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String stationId, String deviceId, String rule) {
        return stationId + "|" + deviceId + "|" + rule;
    }

    Hysteresis.State load(String id) {
        Document document = mongo.findById(id, Document.class, COLLECTION);
        if (document == null) {
            return Hysteresis.State.INITIAL;
        }
        return new Hysteresis.State(Hysteresis.Phase.valueOf(document.getString("phase")), instant(document, "since"),
                instant(document, "lastAt"));
    }

    void save(String id, Hysteresis.State state) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("phase", state.phase().name())
                .set("since", date(state.since())).set("lastAt", date(state.lastAt())), COLLECTION);
    }

    private static java.time.Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
