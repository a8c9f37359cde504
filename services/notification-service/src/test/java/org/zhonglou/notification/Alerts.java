package org.zhonglou.notification;

import java.time.Instant;
import java.util.UUID;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;

/** Alert events as the station monitoring service publishes them, for a test's own station. */
public final class Alerts {

    private Alerts() {
    }

    public static String station() {
        return "station-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CloudEvent<AlertEvent> raised(String stationId, String alertId, Severity severity) {
        return event(EventTypes.ALERT_RAISED, stationId, alertId, severity, AlertState.ACTIVE, Instant.now());
    }

    public static CloudEvent<AlertEvent> event(String type, String stationId, String alertId, Severity severity,
                                               AlertState state, Instant occurredAt) {
        AlertEvent data = new AlertEvent(alertId, stationId, "deodoriser-1", "deodorisation-negative-pressure-lost",
                "negative_pressure_pa", -5.0, severity, state, occurredAt);
        return new CloudEvent<>(UUID.randomUUID().toString(), type, "/zhonglou/station-monitoring-service",
                stationId, occurredAt, data);
    }
}
