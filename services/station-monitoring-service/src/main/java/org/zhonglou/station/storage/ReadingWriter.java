package org.zhonglou.station.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;

/**
 * Stores one poll of accepted batches: decide which readings count, write the raw chunks, fold the
 * aggregates (one conditional upsert per touched document and level), then the latest values. Every
 * step is idempotent, so the whole poll can be redelivered after any failure.
 */
@Component
public class ReadingWriter {

    private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);

    private final ReadingIdDedup dedup;
    private final RawChunks rawChunks;
    private final AggregateWriter aggregates;
    private final LatestValues latest;

    ReadingWriter(ReadingIdDedup dedup, RawChunks rawChunks, AggregateWriter aggregates, LatestValues latest) {
        this.dedup = dedup;
        this.rawChunks = rawChunks;
        this.aggregates = aggregates;
        this.latest = latest;
    }

    public void store(List<ReceivedBatch> batches) {
        if (batches.isEmpty()) {
            return;
        }
        Map<ReceivedBatch, boolean[]> counted = dedup.counted(batches);
        rawChunks.write(counted);
        for (Level level : Level.values()) {
            aggregates.write(level, work(level, counted).values());
        }
        latest.record(counted);
        log.debug("Stored {} batches, last {}", batches.size(), batches.get(batches.size() - 1).batch().batchId());
    }

    private static Map<String, DocumentWork> work(Level level, Map<ReceivedBatch, boolean[]> counted) {
        Map<String, DocumentWork> documents = new LinkedHashMap<>();
        counted.forEach((received, flags) -> {
            ReadingsAccepted batch = received.batch();
            for (int i = 0; i < flags.length; i++) {
                if (!flags[i]) {
                    continue;
                }
                Reading reading = batch.readings().get(i);
                long second = reading.timestamp().getEpochSecond();
                long start = level.documentStart(second);
                String id = Level.documentId(batch.stationId(), reading.metric(), start);
                documents.computeIfAbsent(id, key -> new DocumentWork(key, batch.stationId(), reading.metric(), start,
                        received.partition())).add(received.offset(), level.entryIndex(second), reading.value());
            }
        });
        return documents;
    }
}
