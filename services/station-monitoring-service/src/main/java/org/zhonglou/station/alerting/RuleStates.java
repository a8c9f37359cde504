package org.zhonglou.station.alerting;

import java.time.Instant;
import java.util.Date;
import java.util.List;
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

    void save(String id, Hysteresis.State state, double lastValue) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("phase", state.phase().name())
                .set("since", date(state.since())).set("lastAt", date(state.lastAt())).set("lastValue", lastValue),
                COLLECTION);
    }

    /** A rule waiting out its {@code forSeconds}; ids are {@code station|device|rule}. */
    record Pending(String stationId, String deviceId, String rule, Instant since, Instant lastAt, double lastValue) {
    }

    /** The pending states (a small collection: stations x devices x rules, scanned by the sweep). */
    List<Pending> pending() {
        return mongo.find(Query.query(Criteria.where("phase").is(Hysteresis.Phase.PENDING.name())), Document.class,
                COLLECTION).stream().map(document -> {
                    String[] parts = document.getString("_id").split("\\|", 3);
                    Number value = document.get("lastValue", Number.class);
                    return new Pending(parts[0], parts[1], parts[2], instant(document, "since"),
                            instant(document, "lastAt"), value == null ? Double.NaN : value.doubleValue());
                }).toList();
    }

    /** PENDING to FIRING, only if nothing changed the state meanwhile; true when this call did it. */
    boolean promote(Pending pending) {
        Query unchanged = Query.query(Criteria.where("_id").is(RuleStates.id(pending.stationId(), pending.deviceId(),
                pending.rule())).and("phase").is(Hysteresis.Phase.PENDING.name()).and("lastAt")
                .is(date(pending.lastAt())));
        return mongo.updateFirst(unchanged, new Update().set("phase", Hysteresis.Phase.FIRING.name()), COLLECTION)
                .getModifiedCount() == 1;
    }

    private static java.time.Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
