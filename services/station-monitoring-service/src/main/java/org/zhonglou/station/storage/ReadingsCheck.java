package org.zhonglou.station.storage;

import java.util.List;
import java.util.regex.Pattern;
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
    /** As the API registers them; a device id is also a field name of the station's latest-values document. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    private ReadingsCheck() {
    }

    /** Null when the batch can be stored and evaluated, otherwise why not. */
    static String problem(ReadingsAccepted batch) {
        String ids = id("batchId", batch.batchId());
        ids = ids != null ? ids : slug("stationId", batch.stationId());
        ids = ids != null ? ids : slug("deviceId", batch.deviceId());
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

    /**
     * A station or device id the API could have issued. A dot or a leading {@code $} in a device id would
     * turn {@code d.<deviceId>} into another path of the latest-values document, after which every batch
     * of that station failed to read it back (found by StationFuzzIT).
     */
    private static String slug(String name, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            return name + " must be lower-case letters, digits and inner hyphens, 1 to 64 characters";
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
