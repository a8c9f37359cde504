package org.zhonglou.contracts;

import java.util.List;

/** Kafka topic names, {@code <context>.<aggregate>.v<n>}; a breaking change gets a new version. */
public final class Topics {

    /** Key: programme id. Types: {@link EventTypes#ENROLLMENT_CONFIRMED} and siblings. */
    public static final String REGISTRATION_ENROLLMENTS = "registration.enrollments.v1";
    /** Key: station id. One record per accepted batch of readings. */
    public static final String STATION_READINGS = "station.readings.v1";
    /** Key: station id. Alert lifecycle transitions. */
    public static final String STATION_ALERTS = "station.alerts.v1";
    /** Key: station id. Remote command lifecycle. */
    public static final String STATION_COMMANDS = "station.commands.v1";

    public static final List<String> ALL =
            List.of(REGISTRATION_ENROLLMENTS, STATION_READINGS, STATION_ALERTS, STATION_COMMANDS);

    private Topics() {
    }
}
