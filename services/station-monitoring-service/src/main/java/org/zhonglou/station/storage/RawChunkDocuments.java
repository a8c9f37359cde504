package org.zhonglou.station.storage;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;

/**
 * A raw chunk as stored ({@code raw_chunks}, id {@code <batchId>|<metric>}): the readings of one metric of
 * one batch, as parallel arrays of ids, values and epoch milliseconds. The one place that knows its fields.
 */
final class RawChunkDocuments {

    static final String COLLECTION = "raw_chunks";

    static final String ID = "_id";
    static final String STATION_ID = "stationId";
    static final String DEVICE_ID = "deviceId";
    static final String METRIC = "metric";
    static final String FROM = "from";
    static final String TO = "to";
    static final String RECEIVED_AT = "receivedAt";
    static final String READING_IDS = "ids";
    static final String VALUES = "v";
    static final String TIMES = "t";

    private RawChunkDocuments() {
    }

    /** {@code readings}: the batch's counted readings of {@code metric}, at least one. */
    static Document chunk(ReadingsAccepted batch, String metric, List<Reading> readings) {
        long from = readings.stream().mapToLong(r -> r.timestamp().toEpochMilli()).min().orElseThrow();
        long to = readings.stream().mapToLong(r -> r.timestamp().toEpochMilli()).max().orElseThrow();
        return new Document(ID, batch.batchId() + "|" + metric)
                .append(STATION_ID, batch.stationId()).append(DEVICE_ID, batch.deviceId())
                .append(METRIC, metric).append(FROM, new Date(from)).append(TO, new Date(to))
                .append(RECEIVED_AT, Date.from(batch.receivedAt()))
                .append(READING_IDS, readings.stream().map(Reading::readingId).toList())
                .append(VALUES, readings.stream().map(Reading::value).toList())
                .append(TIMES, readings.stream().map(r -> r.timestamp().toEpochMilli()).toList());
    }

    /** Chunks whose newest reading is older than {@code cutoff}. */
    static Query endedBefore(Date cutoff) {
        return Query.query(Criteria.where(TO).lt(cutoff));
    }
}
