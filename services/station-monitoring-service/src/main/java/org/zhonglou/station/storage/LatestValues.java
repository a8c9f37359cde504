package org.zhonglou.station.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;

/**
 * One small document per station ({@code latest}, id = station id): the newest value per metric and the
 * last time each device was heard from. One read and one write per station and poll.
 */
@Component
public class LatestValues {

    public static final String COLLECTION = LatestDocuments.COLLECTION;

    private final MongoTemplate mongo;

    LatestValues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The latest reading per metric, and device last-seen times, as stored. */
    public record Snapshot(Map<String, Latest> metrics, Map<String, Instant> devicesLastSeen) {
    }

    public record Latest(String metric, double value, Instant timestamp, String deviceId) {
    }

    void record(Map<ReceivedBatch, boolean[]> counted) {
        Map<String, Map<String, Latest>> newest = new HashMap<>();
        Map<String, Map<String, Instant>> seen = new HashMap<>();
        counted.forEach((received, flags) -> {
            ReadingsAccepted batch = received.batch();
            seen.computeIfAbsent(batch.stationId(), s -> new HashMap<>())
                    .merge(batch.deviceId(), batch.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
            Map<String, Latest> metrics = newest.computeIfAbsent(batch.stationId(), s -> new HashMap<>());
            List<Reading> readings = batch.readings();
            for (int i = 0; i < readings.size(); i++) {
                Reading r = readings.get(i);
                Latest candidate = new Latest(r.metric(), r.value(), r.timestamp(), batch.deviceId());
                metrics.merge(r.metric(), candidate, (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
            }
        });
        newest.forEach((stationId, metrics) -> write(stationId, metrics, seen.get(stationId)));
    }

    private void write(String stationId, Map<String, Latest> metrics, Map<String, Instant> devices) {
        Snapshot current = snapshot(stationId);
        Update update = new Update();
        metrics.forEach((metric, latest) -> {
            Latest stored = current.metrics().get(metric);
            if (stored == null || latest.timestamp().isAfter(stored.timestamp())) {
                LatestDocuments.setMetric(update, latest);
            }
        });
        devices.forEach((device, at) -> LatestDocuments.deviceSeen(update, device, at));
        mongo.upsert(LatestDocuments.byStation(stationId), update, COLLECTION);
    }

    public Snapshot snapshot(String stationId) {
        Document document = mongo.findById(stationId, Document.class, COLLECTION);
        return document == null ? new Snapshot(Map.of(), Map.of()) : LatestDocuments.snapshot(document);
    }
}
