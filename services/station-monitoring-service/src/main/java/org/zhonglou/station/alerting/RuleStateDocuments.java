package org.zhonglou.station.alerting;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The hysteresis state of one rule for one device as stored ({@code rule_states}, id
 * {@code station|device|rule}): the one place that knows its field names.
 */
final class RuleStateDocuments {

    static final String COLLECTION = "rule_states";
    static final String ID = "_id";
    static final String PHASE = "phase";
    static final String SINCE = "since";
    static final String LAST_AT = "lastAt";
    static final String LAST_VALUE = "lastValue";

    private RuleStateDocuments() {
    }

    static Hysteresis.State state(Document document) {
        return new Hysteresis.State(Hysteresis.Phase.valueOf(document.getString(PHASE)), instant(document, SINCE),
                instant(document, LAST_AT));
    }

    static RuleState ruleState(Document document) {
        String[] parts = document.getString(ID).split("\\|", 3);
        Number value = document.get(LAST_VALUE, Number.class);
        return new RuleState(parts[0], parts[1], parts[2], state(document),
                value == null ? Double.NaN : value.doubleValue());
    }

    static Query byId(String id) {
        return Query.query(Criteria.where(ID).is(id));
    }

    static Update save(Hysteresis.State state, double lastValue) {
        return new Update().set(PHASE, state.phase().name()).set(SINCE, date(state.since()))
                .set(LAST_AT, date(state.lastAt())).set(LAST_VALUE, lastValue);
    }

    static Query inPhase(Hysteresis.Phase phase) {
        return Query.query(Criteria.where(PHASE).is(phase.name()));
    }

    /** The stored state is still exactly {@code expected}: nothing changed it since it was read. */
    static Query unchanged(RuleState expected) {
        return Query.query(Criteria.where(ID).is(expected.id()).and(PHASE).is(expected.state().phase().name())
                .and(LAST_AT).is(date(expected.state().lastAt())));
    }

    static Update phase(Hysteresis.Phase phase) {
        return new Update().set(PHASE, phase.name());
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
