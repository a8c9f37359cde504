package org.zhonglou.station.device;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A device of one station. {@code keyHash} is the SHA-256 of its current key: the key itself is never
 * stored. {@code id} is {@code <stationId>|<deviceId>}, so the device is found by a point read.
 */
@Document("devices")
record DeviceDocument(@Id String id, String stationId, String deviceId, String description, String keyHash,
                      Instant createdAt, Instant keyIssuedAt) {

    /** The stored field names, declared once beside the fields they name. */
    static final String ID = "_id";
    static final String STATION_ID = "stationId";
    static final String DEVICE_ID = "deviceId";
    static final String KEY_HASH = "keyHash";
    static final String KEY_ISSUED_AT = "keyIssuedAt";

    static String idOf(String stationId, String deviceId) {
        return stationId + "|" + deviceId;
    }

    static Query byId(String stationId, String deviceId) {
        return Query.query(Criteria.where(ID).is(idOf(stationId, deviceId)));
    }

    /** The station's devices by device id. */
    static Query ofStation(String stationId) {
        return Query.query(Criteria.where(STATION_ID).is(stationId)).with(Sort.by(DEVICE_ID));
    }

    static Update newKey(String keyHash, Instant issuedAt) {
        return new Update().set(KEY_HASH, keyHash).set(KEY_ISSUED_AT, issuedAt);
    }
}
