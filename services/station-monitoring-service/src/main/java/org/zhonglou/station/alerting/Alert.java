package org.zhonglou.station.alerting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;

/**
 * One alert of a station, device and rule group ({@code slot}), with its lifecycle: raised ACTIVE, escalated
 * to a stricter rule (severity never goes down), ACKNOWLEDGED by staff, RESOLVED when no rule of the group
 * fires any more. Immutable: each change returns the alert after it, which {@link Alerts} writes as one
 * conditional update together with the event {@link #event} describes.
 */
record Alert(String id, String slot, String stationId, String deviceId, String rule, String metric,
                    Double value, Severity severity, AlertState state, Instant raisedAt, String acknowledgedBy,
                    Instant acknowledgedAt, Instant resolvedAt, Double resolvedValue) {

    static Alert raise(AlertKey key, long generation, Rule rule, String metric, Double value, Instant at) {
        return new Alert(key.alertId(generation), key.id(), key.stationId(), key.deviceOrNull(), rule.name(), metric,
                value, rule.severity(), AlertState.ACTIVE, at, null, null, null, null);
    }

    boolean isOpen() {
        return state != AlertState.RESOLVED;
    }

    /** A stricter rule of the group fired: the alert takes its severity, name and value. */
    Alert escalatedBy(Rule stricter, Double newValue) {
        return new Alert(id, slot, stationId, deviceId, stricter.name(), metric, newValue, stricter.severity(), state,
                raisedAt, acknowledgedBy, acknowledgedAt, resolvedAt, resolvedValue);
    }

    Alert acknowledgedBy(String staffId, Instant at) {
        return new Alert(id, slot, stationId, deviceId, rule, metric, value, severity, AlertState.ACKNOWLEDGED,
                raisedAt, staffId, at, resolvedAt, resolvedValue);
    }

    Alert resolved(Double clearValue, Instant at) {
        return new Alert(id, slot, stationId, deviceId, rule, metric, value, severity, AlertState.RESOLVED, raisedAt,
                acknowledgedBy, acknowledgedAt, at, clearValue);
    }

    /**
     * True when the alert was resolved (by a reading or the sweep) at or after {@code at}: a raise replayed
     * from a redelivered poll must not alert twice for one violation.
     */
    boolean resolvedSince(Instant at) {
        return resolvedAt != null && !at.truncatedTo(ChronoUnit.MILLIS).isAfter(resolvedAt);
    }

    /** The event telling others about the alert as it is now. */
    AlertEvent event(Instant at) {
        return new AlertEvent(id, stationId, deviceId, rule, metric, value, severity, state, at);
    }
}
