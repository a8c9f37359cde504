package org.zhonglou.station.alerting;

/**
 * Where at most one alert may be open: a station, a device ({@code -} for station-wide rules) and a rule
 * group. The n-th alert of a key has id {@code <station>~<device>~<group>~<n>} (URL-safe), so two writers raising the same alert
 * compute the same id and the store's unique {@code _id} lets only one of them in.
 */
record AlertKey(String stationId, String deviceId, String group) {

    static final String STATION_WIDE = "-";

    String id() {
        return stationId + "~" + deviceId + "~" + group;
    }

    String alertId(long generation) {
        return id() + "~" + generation;
    }

    String deviceOrNull() {
        return STATION_WIDE.equals(deviceId) ? null : deviceId;
    }
}
