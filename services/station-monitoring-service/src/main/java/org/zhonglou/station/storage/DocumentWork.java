package org.zhonglou.station.storage;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one poll adds to one aggregate document, kept per source record (offset) so that the part a
 * redelivery has already applied can be left out exactly.
 */
final class DocumentWork {

    final String id;
    final String stationId;
    final String metric;
    final long start;
    final int partition;
    final TreeMap<Long, Map<Integer, Agg>> byOffset = new TreeMap<>();

    DocumentWork(String id, String stationId, String metric, long start, int partition) {
        this.id = id;
        this.stationId = stationId;
        this.metric = metric;
        this.start = start;
        this.partition = partition;
    }

    void add(long offset, int entry, double value) {
        byOffset.computeIfAbsent(offset, o -> new TreeMap<>()).computeIfAbsent(entry, e -> new Agg()).add(value);
    }

    /** The entries contributed by records after {@code watermark}; empty when all are applied. */
    Map<Integer, Agg> after(long watermark) {
        Map<Integer, Agg> merged = new TreeMap<>();
        byOffset.tailMap(watermark, false).values().forEach(entries -> entries.forEach(
                (entry, agg) -> merged.computeIfAbsent(entry, e -> new Agg()).merge(agg)));
        return merged;
    }

    long lastOffset() {
        return byOffset.lastKey();
    }
}
