package org.zhonglou.station.storage;

import java.time.Clock;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes raw data older than the retention: raw chunks, per-second aggregates and reading-id claims.
 * Hourly and daily aggregates are kept. The local store ignores TTL indexes, so this runs on a
 * schedule (a scan, but off the hot path and idempotent, so every instance may run it).
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final MongoTemplate mongo;
    private final StorageProperties properties;
    private final Clock clock;

    RetentionPurge(MongoTemplate mongo, StorageProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${station.storage.purge-interval:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Retention purge failed, next run will retry: {}", e.getMessage());
        }
    }

    /** Returns how many documents went. */
    long purge() {
        Date cutoff = Date.from(clock.instant().minus(properties.rawRetention()));
        long removed = mongo.remove(RawChunkDocuments.endedBefore(cutoff), RawChunks.COLLECTION).getDeletedCount();
        removed += mongo.remove(AggregateDocuments.startedBefore(cutoff), Level.SECONDS.collection())
                .getDeletedCount();
        removed += mongo.remove(ReadingIdDocuments.claimedBefore(cutoff), ReadingIdDedup.COLLECTION)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Retention purge removed {} documents older than {}", removed, cutoff);
        }
        return removed;
    }
}
