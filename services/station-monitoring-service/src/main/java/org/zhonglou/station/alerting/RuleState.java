package org.zhonglou.station.alerting;

import java.time.Instant;

/**
 * Where one rule stands for one device of a station: its hysteresis state and the value of the last
 * reading it saw. The sweep promotes a PENDING state whose {@code forSeconds} have passed.
 */
record RuleState(String stationId, String deviceId, String rule, Hysteresis.State state, double lastValue) {

    static String id(String stationId, String deviceId, String rule) {
        return stationId + "|" + deviceId + "|" + rule;
    }

    String id() {
        return id(stationId, deviceId, rule);
    }

    /** When a PENDING state fires without further readings. */
    Instant dueAt(ThresholdRule rule) {
        return state.since().plusSeconds(rule.forSeconds());
    }

    /** Too old to promote: the device has said nothing for {@code stale} (Prometheus' staleness). */
    boolean staleAt(Instant now, java.time.Duration stale) {
        return state.lastAt() == null || state.lastAt().isBefore(now.minus(stale));
    }

    RuleState promoted() {
        return new RuleState(stationId, deviceId, rule, state.promoted(), lastValue);
    }

    /** The last value, or null when none was recorded. */
    Double lastValueOrNull() {
        return Double.isNaN(lastValue) ? null : lastValue;
    }
}
