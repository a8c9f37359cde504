package org.zhonglou.station.alerting;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Persisted hysteresis state per station, device and rule ({@link RuleStateDocuments}), so a pending
 * {@code forSeconds} and a firing rule survive a restart and are shared by instances.
 */
@Component
class RuleStates {

    static final String COLLECTION = RuleStateDocuments.COLLECTION;

    private final MongoTemplate mongo;

    RuleStates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String stationId, String deviceId, String rule) {
        return RuleState.id(stationId, deviceId, rule);
    }

    Hysteresis.State load(String id) {
        Document document = mongo.findById(id, Document.class, COLLECTION);
        return document == null ? Hysteresis.State.INITIAL : RuleStateDocuments.state(document);
    }

    void save(String id, Hysteresis.State state, double lastValue) {
        mongo.upsert(RuleStateDocuments.byId(id), RuleStateDocuments.save(state, lastValue), COLLECTION);
    }

    /** The pending states (a small collection: stations x devices x rules, scanned by the sweep). */
    List<RuleState> pending() {
        return mongo.find(RuleStateDocuments.inPhase(Hysteresis.Phase.PENDING), Document.class, COLLECTION).stream()
                .map(RuleStateDocuments::ruleState).toList();
    }

    /** PENDING to FIRING, only if nothing changed the state meanwhile; true when this call did it. */
    boolean promote(RuleState pending) {
        return mongo.updateFirst(RuleStateDocuments.unchanged(pending),
                RuleStateDocuments.phase(pending.promoted().state().phase()), COLLECTION).getModifiedCount() == 1;
    }
}
