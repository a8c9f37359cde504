package org.zhonglou.station.device;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Finds a device from a presented key by a point read on the key's hash. */
@Document("device_keys")
record DeviceKeyDocument(@Id String keyHash, String stationId, String deviceId) {
}
