package org.zhonglou.station.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.station.outbox.OutboxDocuments;
import org.zhonglou.support.outbox.OutboxRelay;

/**
 * Alerts and their lifecycle. Every transition is one conditional atomic update of the alert document that
 * also appends its event to the document's outbox, so a transition and its event happen together, once.
 * The current generation of a key is kept in {@code alert_slots}; it is only a hint (raised with $max
 * after the insert), and the probe of the next id heals a crash between the two writes.
 */
@Component
public class Alerts {

    public static final String ALERTS = AlertDocuments.ALERTS;
    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    Alerts(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** Raises an alert for the key, or escalates the open one if this rule is more severe. */
    void raise(AlertKey key, Rule rule, String metric, Double value, Instant at) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long generation = generation(key);
            Alert current = generation == 0 ? null : find(key.alertId(generation)).orElse(null);
            if (current != null && current.isOpen()) {
                escalate(current, rule, value, at);
                return;
            }
            if (current != null && current.resolvedSince(at)) {
                // A redelivered poll (its states were not saved before a failure) replays a raise whose
                // alert this key already raised and resolved with a later reading: raising again would
                // alert twice for one violation.
                log.debug("Alert {} was already raised and resolved after {}", current.id(), at);
                return;
            }
            Alert alert = Alert.raise(key, generation + 1, rule, metric, value, at);
            try {
                Document raised = outbox(EventTypes.ALERT_RAISED, alert, at);
                mongo.insert(AlertDocuments.document(alert, clock.instant(), raised), ALERTS);
                mongo.upsert(AlertDocuments.byId(key.id()), AlertDocuments.generationAtLeast(generation + 1),
                        AlertDocuments.SLOTS);
                log.info("Alert {} raised ({} {})", alert.id(), rule.name(), rule.severity());
                relay.relaySoon(ALERTS, alert.id());
                return;
            } catch (DuplicateKeyException e) {
                log.debug("Alert {} was raised concurrently", alert.id());
            }
        }
        throw new IllegalStateException("Could not raise an alert for " + key.id() + " after 5 attempts");
    }

    /**
     * Resolves the key's open alert if it was raised no later than {@code at}: a redelivered poll replays
     * older readings, and one of those must not resolve an alert that a later reading raised.
     */
    void resolve(AlertKey key, Double value, Instant at) {
        resolve(key, value, at, AlertDocuments.openRaisedNoLaterThan(at));
    }

    /** Resolves the key's open alert whenever it was raised: the sweep raised it while a poll held older state. */
    void resolveRaisedMeanwhile(AlertKey key, Double value, Instant at) {
        resolve(key, value, at, AlertDocuments.open());
    }

    private void resolve(AlertKey key, Double value, Instant at, Criteria open) {
        long generation = generation(key);
        if (generation == 0) {
            return;
        }
        String id = key.alertId(generation);
        transition(id, open, alert -> alert.resolved(value, at), AlertDocuments::resolution,
                EventTypes.ALERT_RESOLVED, at).ifPresent(alert -> log.info("Alert {} resolved", id));
    }

    /** Idempotent: acknowledging again (or a resolved alert) changes nothing and returns the alert as it is. */
    Optional<Alert> acknowledge(String alertId, String staffId) {
        Instant now = clock.instant();
        Optional<Alert> changed = transition(alertId, AlertDocuments.active(),
                alert -> alert.acknowledgedBy(staffId, now), AlertDocuments::acknowledgement,
                EventTypes.ALERT_ACKNOWLEDGED, now);
        return changed.isPresent() ? changed : find(alertId);
    }

    private void escalate(Alert current, Rule rule, Double value, Instant at) {
        transition(current.id(), AlertDocuments.openAndLessSevereThan(rule.severity()),
                alert -> alert.escalatedBy(rule, value), AlertDocuments::escalation, EventTypes.ALERT_ESCALATED, at)
                .ifPresent(alert -> log.info("Alert {} escalated to {} by {}", alert.id(), rule.severity(),
                        rule.name()));
    }

    /**
     * Applies {@code change} only if the condition holds, writing the fields {@code written} names and the
     * event of the new state in the same update.
     */
    private Optional<Alert> transition(String id, Criteria condition, UnaryOperator<Alert> change,
                                       Function<Alert, Update> written, String type, Instant at) {
        Query query = AlertDocuments.byId(id).addCriteria(condition);
        Document before = mongo.findOne(query, Document.class, ALERTS);
        if (before == null) {
            return Optional.empty();
        }
        Alert after = change.apply(AlertDocuments.alert(before));
        Update update = AlertDocuments.withEvent(written.apply(after), clock.instant(), outbox(type, after, at));
        Document changed = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, ALERTS);
        if (changed != null) {
            relay.relaySoon(ALERTS, id);
        }
        return Optional.ofNullable(changed).map(AlertDocuments::alert);
    }

    private static Document outbox(String type, Alert alert, Instant at) {
        return OutboxDocuments.of(Topics.STATION_ALERTS, type, alert.stationId(), at, alert.event(at));
    }

    Optional<Alert> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, Document.class, ALERTS)).map(AlertDocuments::alert);
    }

    /** Newest first, at most {@code limit}; null filters are not applied. */
    List<Alert> list(AlertState state, String stationId, int limit) {
        return alerts(AlertDocuments.listing(state, stationId, limit));
    }

    /** The station's open (active or acknowledged) alerts; a filtered read, acceptable off the ingestion path. */
    List<Alert> openOf(String stationId) {
        return alerts(AlertDocuments.openOf(stationId));
    }

    /** Ids of the station's open alerts of this severity, oldest first. */
    public List<String> openIds(String stationId, Severity severity) {
        return mongo.find(AlertDocuments.openOf(stationId, severity), Document.class, ALERTS).stream()
                .map(AlertDocuments::id).toList();
    }

    boolean isOpen(AlertKey key) {
        long generation = generation(key);
        return generation > 0 && find(key.alertId(generation)).map(Alert::isOpen).orElse(false);
    }

    private List<Alert> alerts(Query query) {
        return mongo.find(query, Document.class, ALERTS).stream().map(AlertDocuments::alert).toList();
    }

    private long generation(AlertKey key) {
        long generation = AlertDocuments.generation(mongo.findById(key.id(), Document.class, AlertDocuments.SLOTS));
        while (mongo.exists(AlertDocuments.byId(key.alertId(generation + 1)), ALERTS)) {
            generation++;
        }
        return generation;
    }
}
