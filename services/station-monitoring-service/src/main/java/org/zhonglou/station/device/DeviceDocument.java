package org.zhonglou.station.device;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A device of one station. {@code keyHash} is the SHA-256 of its current key: the key itself is never
 * stored. {@code id} is {@code <stationId>|<deviceId>}, so the device is found by a point read.
 */
@Document("devices")
record DeviceDocument(@Id String id, String stationId, String deviceId, String description, String keyHash,
                      Instant createdAt, Instant keyIssuedAt) {

    static String idOf(String stationId, String deviceId) {
        return stationId + "|" + deviceId;
    }
}
