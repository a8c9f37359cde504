package org.zhonglou.station.storage;

import java.util.List;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;
import org.zhonglou.station.ingest.Metric;
import org.zhonglou.support.bounds.TimeBounds;

/**
 * What the readings consumers require of a record: the ids they build document keys from, at most a
 * thousand readings, known metrics with values in their physical range (a sum that overflows to
 * infinity would poison every query of its bucket), and instants within {@link TimeBounds}. The same
 * rules the API applies on the way in, checked again because the topic trusts no producer.
 */
final class ReadingsCheck {

    static final int MAX_READINGS = 1000;
    private static final int MAX_ID = 128;

    private ReadingsCheck() {
    }

    /** Null when the batch can be stored and evaluated, otherwise why not. */
    static String problem(ReadingsAccepted batch) {
        String ids = id("batchId", batch.batchId());
        ids = ids != null ? ids : id("stationId", batch.stationId());
        ids = ids != null ? ids : id("deviceId", batch.deviceId());
        if (ids != null) {
            return ids;
        }
        if (!TimeBounds.contains(batch.receivedAt())) {
            return "receivedAt " + batch.receivedAt() + " " + TimeBounds.MESSAGE;
        }
        List<Reading> readings = batch.readings();
        if (readings.size() > MAX_READINGS) {
            return readings.size() + " readings, at most " + MAX_READINGS;
        }
        for (int i = 0; i < readings.size(); i++) {
            String problem = reading(readings.get(i));
            if (problem != null) {
                return "readings[" + i + "]: " + problem;
            }
        }
        return null;
    }

    private static String reading(Reading reading) {
        if (reading == null) {
            return "missing";
        }
        String id = id("readingId", reading.readingId());
        if (id != null) {
            return id;
        }
        Metric metric = Metric.byId(reading.metric()).orElse(null);
        if (metric == null) {
            return "unknown metric " + reading.metric();
        }
        String value = metric.check(reading.value());
        if (value != null) {
            return "value " + reading.value() + " " + value;
        }
        if (!TimeBounds.contains(reading.timestamp())) {
            return "timestamp " + reading.timestamp() + " " + TimeBounds.MESSAGE;
        }
        return null;
    }

    private static String id(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID) {
            return name + " must be a text of 1 to " + MAX_ID + " characters";
        }
        return null;
    }
}
