package org.zhonglou.station.alerting;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.support.outbox.OutboxEvent;

/**
 * An {@link Alert} as stored ({@code alerts}, id {@code <station>~<device>~<group>~<n>}) and the generation
 * hint of its slot ({@code alert_slots}): the one place that knows their field names. Each transition
 * writes only the fields it changes, so concurrent transitions of one alert never undo each other.
 */
final class AlertDocuments {

    static final String ALERTS = "alerts";
    static final String SLOTS = "alert_slots";

    static final String ID = "_id";
    static final String SLOT = "slot";
    static final String STATION_ID = "stationId";
    static final String DEVICE_ID = "deviceId";
    static final String RULE = "rule";
    static final String METRIC = "metric";
    static final String VALUE = "value";
    static final String SEVERITY = "severity";
    /** The severity's order, so "less severe than" is a query. */
    static final String SEVERITY_RANK = "severityRank";
    static final String STATE = "state";
    static final String RAISED_AT = "raisedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String ACKNOWLEDGED_BY = "acknowledgedBy";
    static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    static final String RESOLVED_AT = "resolvedAt";
    static final String RESOLVED_VALUE = "resolvedValue";
    static final String GENERATION = "generation";

    private AlertDocuments() {
    }

    static Document document(Alert alert, Instant updatedAt, Document outboxEntry) {
        return new Document(ID, alert.id()).append(SLOT, alert.slot()).append(STATION_ID, alert.stationId())
                .append(DEVICE_ID, alert.deviceId()).append(RULE, alert.rule()).append(METRIC, alert.metric())
                .append(VALUE, alert.value()).append(SEVERITY, alert.severity().name())
                .append(SEVERITY_RANK, alert.severity().ordinal()).append(STATE, alert.state().name())
                .append(RAISED_AT, date(alert.raisedAt())).append(UPDATED_AT, date(updatedAt))
                .append(OutboxEvent.FIELD, List.of(outboxEntry));
    }

    static Alert alert(Document d) {
        return new Alert(d.getString(ID), d.getString(SLOT), d.getString(STATION_ID), d.getString(DEVICE_ID),
                d.getString(RULE), d.getString(METRIC), number(d, VALUE), Severity.valueOf(d.getString(SEVERITY)),
                AlertState.valueOf(d.getString(STATE)), instant(d, RAISED_AT), d.getString(ACKNOWLEDGED_BY),
                instant(d, ACKNOWLEDGED_AT), instant(d, RESOLVED_AT), number(d, RESOLVED_VALUE));
    }

    static Query byId(String id) {
        return Query.query(Criteria.where(ID).is(id));
    }

    static Criteria open() {
        return Criteria.where(STATE).ne(AlertState.RESOLVED.name());
    }

    static Criteria openRaisedNoLaterThan(Instant at) {
        return open().and(RAISED_AT).lte(date(at));
    }

    static Criteria active() {
        return Criteria.where(STATE).is(AlertState.ACTIVE.name());
    }

    static Criteria openAndLessSevereThan(Severity severity) {
        return open().and(SEVERITY_RANK).lt(severity.ordinal());
    }

    static Update escalation(Alert after) {
        return new Update().set(SEVERITY, after.severity().name()).set(SEVERITY_RANK, after.severity().ordinal())
                .set(RULE, after.rule()).set(VALUE, after.value());
    }

    static Update acknowledgement(Alert after) {
        return new Update().set(STATE, after.state().name()).set(ACKNOWLEDGED_BY, after.acknowledgedBy())
                .set(ACKNOWLEDGED_AT, date(after.acknowledgedAt()));
    }

    static Update resolution(Alert after) {
        return new Update().set(STATE, after.state().name()).set(RESOLVED_AT, date(after.resolvedAt()))
                .set(RESOLVED_VALUE, after.resolvedValue());
    }

    /** Every transition also stamps the time and appends its event to the alert's outbox. */
    static Update withEvent(Update transition, Instant updatedAt, Document outboxEntry) {
        return transition.set(UPDATED_AT, date(updatedAt)).push(OutboxEvent.FIELD, outboxEntry);
    }

    /** Newest first, at most {@code limit}; {@code state} and {@code stationId} filter when not null. */
    static Query listing(AlertState state, String stationId, int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, RAISED_AT)).limit(limit);
        if (state != null) {
            query.addCriteria(Criteria.where(STATE).is(state.name()));
        }
        if (stationId != null) {
            query.addCriteria(Criteria.where(STATION_ID).is(stationId));
        }
        return query;
    }

    static Query openOf(String stationId) {
        return Query.query(Criteria.where(STATION_ID).is(stationId).and(STATE).in(openStates()));
    }

    /** Ids only, oldest first. */
    static Query openOf(String stationId, Severity severity) {
        Query query = Query.query(Criteria.where(STATION_ID).is(stationId).and(SEVERITY).is(severity.name())
                .and(STATE).in(openStates())).with(Sort.by(RAISED_AT));
        query.fields().include(ID);
        return query;
    }

    static String id(Document document) {
        return document.getString(ID);
    }

    static Update generationAtLeast(long generation) {
        return new Update().max(GENERATION, generation);
    }

    static long generation(Document slot) {
        return slot == null ? 0 : ((Number) slot.get(GENERATION)).longValue();
    }

    private static Collection<String> openStates() {
        return List.of(AlertState.ACTIVE.name(), AlertState.ACKNOWLEDGED.name());
    }

    private static Double number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.doubleValue() : null;
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
