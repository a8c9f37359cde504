package org.zhonglou.station.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.station.outbox.OutboxDocuments;
import org.zhonglou.support.outbox.OutboxEvent;
import org.zhonglou.support.outbox.OutboxRelay;

/**
 * Alerts and their lifecycle. Every transition is one conditional atomic update of the alert document that
 * also appends its event to the document's outbox, so a transition and its event happen together, once.
 * The current generation of a key is kept in {@code alert_slots}; it is only a hint (raised with $max
 * after the insert), and the probe of the next id heals a crash between the two writes.
 */
@Component
public class AlertBook {

    public static final String ALERTS = "alerts";
    private static final String SLOTS = "alert_slots";
    private static final Logger log = LoggerFactory.getLogger(AlertBook.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    AlertBook(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** Raises an alert for the key, or escalates the open one if this rule is more severe. */
    void raise(AlertKey key, Rule rule, String metric, Double value, Instant at) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long generation = generation(key);
            Document current = generation == 0 ? null : find(key.alertId(generation)).orElse(null);
            if (isOpen(current)) {
                escalate(current, rule, value, at);
                return;
            }
            if (resolvedSince(current, at)) {
                // A redelivered poll (its states were not saved before a failure) replays a raise whose
                // alert this key already raised and resolved with a later reading: raising again would
                // alert twice for one violation.
                log.debug("Alert {} was already raised and resolved after {}", current.getString("_id"), at);
                return;
            }
            String id = key.alertId(generation + 1);
            Document alert = new Document("_id", id).append("slot", key.id()).append("stationId", key.stationId())
                    .append("deviceId", key.deviceOrNull()).append("rule", rule.name()).append("metric", metric)
                    .append("value", value).append("severity", rule.severity().name())
                    .append("severityRank", rule.severity().ordinal()).append("state", AlertState.ACTIVE.name())
                    .append("raisedAt", Date.from(at)).append("updatedAt", Date.from(clock.instant()));
            alert.append(OutboxEvent.FIELD, List.of(outbox(EventTypes.ALERT_RAISED, alert, at)));
            try {
                mongo.insert(alert, ALERTS);
                mongo.upsert(Query.query(Criteria.where("_id").is(key.id())), new Update().max("generation", generation + 1),
                        SLOTS);
                log.info("Alert {} raised ({} {})", id, rule.name(), rule.severity());
                relay.relaySoon(ALERTS, id);
                return;
            } catch (DuplicateKeyException e) {
                log.debug("Alert {} was raised concurrently", id);
            }
        }
        throw new IllegalStateException("Could not raise an alert for " + key.id() + " after 5 attempts");
    }

    /**
     * Resolves the key's open alert if it was raised no later than {@code at}: a redelivered poll replays
     * older readings, and one of those must not resolve an alert that a later reading raised.
     */
    void resolve(AlertKey key, Double value, Instant at) {
        resolve(key, value, at, Criteria.where("state").ne(AlertState.RESOLVED.name()).and("raisedAt")
                .lte(Date.from(at)));
    }

    /** Resolves the key's open alert whenever it was raised: the sweep raised it while a poll held older state. */
    void resolveRaisedMeanwhile(AlertKey key, Double value, Instant at) {
        resolve(key, value, at, Criteria.where("state").ne(AlertState.RESOLVED.name()));
    }

    private void resolve(AlertKey key, Double value, Instant at, Criteria open) {
        long generation = generation(key);
        if (generation == 0) {
            return;
        }
        String id = key.alertId(generation);
        transition(id, open, new Update()
                .set("state", AlertState.RESOLVED.name()).set("resolvedAt", Date.from(at)).set("resolvedValue", value),
                EventTypes.ALERT_RESOLVED, at).ifPresent(alert -> log.info("Alert {} resolved", id));
    }

    /** Idempotent: acknowledging again (or a resolved alert) changes nothing and returns the alert as it is. */
    Optional<Document> acknowledge(String alertId, String staffId) {
        Instant now = clock.instant();
        Optional<Document> changed = transition(alertId, Criteria.where("state").is(AlertState.ACTIVE.name()),
                new Update().set("state", AlertState.ACKNOWLEDGED.name()).set("acknowledgedBy", staffId)
                        .set("acknowledgedAt", Date.from(now)), EventTypes.ALERT_ACKNOWLEDGED, now);
        return changed.isPresent() ? changed : find(alertId);
    }

    private void escalate(Document current, Rule rule, Double value, Instant at) {
        String id = current.getString("_id");
        transition(id, Criteria.where("state").ne(AlertState.RESOLVED.name()).and("severityRank")
                        .lt(rule.severity().ordinal()),
                new Update().set("severity", rule.severity().name()).set("severityRank", rule.severity().ordinal())
                        .set("rule", rule.name()).set("value", value), EventTypes.ALERT_ESCALATED, at)
                .ifPresent(alert -> log.info("Alert {} escalated to {} by {}", id, rule.severity(), rule.name()));
    }

    /** Applies the update only if the condition holds, with the event of the new state in the same write. */
    private Optional<Document> transition(String id, Criteria condition, Update update, String type, Instant at) {
        Query query = Query.query(Criteria.where("_id").is(id)).addCriteria(condition);
        Document before = mongo.findOne(query, Document.class, ALERTS);
        if (before == null) {
            return Optional.empty();
        }
        Document after = new Document(before);
        update.getUpdateObject().get("$set", Document.class).forEach(after::put);
        update.set("updatedAt", Date.from(clock.instant())).push(OutboxEvent.FIELD, outbox(type, after, at));
        Document changed = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, ALERTS);
        if (changed != null) {
            relay.relaySoon(ALERTS, id);
        }
        return Optional.ofNullable(changed);
    }

    private Document outbox(String type, Document alert, Instant at) {
        AlertEvent data = new AlertEvent(alert.getString("_id"), alert.getString("stationId"),
                alert.getString("deviceId"), alert.getString("rule"), alert.getString("metric"),
                alert.get("value") instanceof Number n ? n.doubleValue() : null,
                Severity.valueOf(alert.getString("severity")), AlertState.valueOf(alert.getString("state")), at);
        return OutboxDocuments.of(Topics.STATION_ALERTS, type, data.stationId(), at, data);
    }

    Optional<Document> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, Document.class, ALERTS));
    }

    boolean isOpen(AlertKey key) {
        long generation = generation(key);
        return generation > 0 && isOpen(find(key.alertId(generation)).orElse(null));
    }

    /** True when the alert was resolved by a reading (or sweep) at or after {@code at}. */
    private static boolean resolvedSince(Document alert, Instant at) {
        Date resolvedAt = alert == null ? null : alert.getDate("resolvedAt");
        return resolvedAt != null && !at.truncatedTo(ChronoUnit.MILLIS).isAfter(resolvedAt.toInstant());
    }

    private static boolean isOpen(Document alert) {
        return alert != null && !AlertState.RESOLVED.name().equals(alert.getString("state"));
    }

    private long generation(AlertKey key) {
        Document slot = mongo.findById(key.id(), Document.class, SLOTS);
        long generation = slot == null ? 0 : ((Number) slot.get("generation")).longValue();
        while (mongo.exists(Query.query(Criteria.where("_id").is(key.alertId(generation + 1))), ALERTS)) {
            generation++;
        }
        return generation;
    }
}
