package org.zhonglou.station.device;

/** The authenticated caller of a device endpoint: one device of one station. */
public record DeviceIdentity(String stationId, String deviceId) {
}
