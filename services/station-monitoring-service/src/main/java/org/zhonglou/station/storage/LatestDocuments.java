package org.zhonglou.station.storage;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A station's latest values as stored ({@code latest}, id = station id): {@code m.<metric>} holds the newest
 * value, its time and device, {@code d.<device>} when each device was last heard from. The one place that
 * knows its field names.
 */
final class LatestDocuments {

    static final String COLLECTION = "latest";

    static final String ID = "_id";
    static final String METRICS = "m";
    static final String DEVICES = "d";
    static final String VALUE = "v";
    static final String TIME = "t";
    static final String DEVICE = "d";

    private LatestDocuments() {
    }

    static Query byStation(String stationId) {
        return Query.query(Criteria.where(ID).is(stationId));
    }

    static void setMetric(Update update, LatestValues.Latest latest) {
        update.set(METRICS + "." + latest.metric(), new Document(VALUE, latest.value())
                .append(TIME, Date.from(latest.timestamp())).append(DEVICE, latest.deviceId()));
    }

    static void deviceSeen(Update update, String device, Instant at) {
        update.max(DEVICES + "." + device, Date.from(at));
    }

    static LatestValues.Snapshot snapshot(Document document) {
        Map<String, LatestValues.Latest> metrics = new HashMap<>();
        document.get(METRICS, new Document()).forEach((metric, raw) -> {
            Document value = (Document) raw;
            metrics.put(metric, new LatestValues.Latest(metric, ((Number) value.get(VALUE)).doubleValue(),
                    value.getDate(TIME).toInstant(), value.getString(DEVICE)));
        });
        Map<String, Instant> devices = new HashMap<>();
        document.get(DEVICES, new Document()).forEach((device, at) -> devices.put(device, ((Date) at).toInstant()));
        return new LatestValues.Snapshot(metrics, devices);
    }
}
