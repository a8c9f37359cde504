package org.zhonglou.contracts.station;

import java.time.Instant;

/**
 * Data of every event on {@code station.alerts.v1}. {@code deviceId}, {@code metric} and
 * {@code value} are null for station-wide rules (e.g. daily capacity, where {@code value} is tonnes).
 */
public record AlertEvent(
        String alertId,
        String stationId,
        String deviceId,
        String rule,
        String metric,
        Double value,
        Severity severity,
        AlertState state,
        Instant occurredAt) {
}
