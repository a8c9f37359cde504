package org.zhonglou.station.device;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Finds a device from a presented key by a point read on the key's hash. */
@Document("device_keys")
record DeviceKeyDocument(@Id String keyHash, String stationId, String deviceId) {

    /** The key hash is the stored {@code _id}. */
    static final String ID = "_id";

    static Query byHash(String keyHash) {
        return Query.query(Criteria.where(ID).is(keyHash));
    }
}
