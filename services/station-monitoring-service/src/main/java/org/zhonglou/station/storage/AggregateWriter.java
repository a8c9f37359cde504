package org.zhonglou.station.storage;

import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.zhonglou.support.messaging.TransientFailureException;

/**
 * Applies a poll's contributions to the aggregate documents exactly once. Each document carries a
 * watermark per Kafka partition ({@code wm.<p>}: the last offset folded in); an update adds only the
 * records after the watermark and is conditional on the watermark it read, so a redelivery, a crash
 * half-way or a second instance after a rebalance can never add a record twice. Watermarks this
 * instance wrote itself are remembered, so the usual path needs no read.
 */
@Component
class AggregateWriter {

    private static final int MAX_ROUNDS = 5;
    private static final int MAX_REMEMBERED = 50_000;
    private static final long NONE = Long.MIN_VALUE;

    private final MongoTemplate mongo;
    private final Map<String, Long> watermarks = new ConcurrentHashMap<>();

    AggregateWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void write(Level level, Collection<DocumentWork> documents) {
        List<DocumentWork> pending = new ArrayList<>(documents);
        for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, level.collection());
            List<DocumentWork> planned = new ArrayList<>();
            for (DocumentWork work : pending) {
                long watermark = watermark(level, work);
                Map<Integer, Agg> entries = work.after(watermark);
                if (!entries.isEmpty()) {
                    bulk.upsert(condition(work, watermark), AggregateDocuments.fold(work, entries));
                    planned.add(work);
                }
            }
            if (planned.isEmpty()) {
                return;
            }
            if (applied(bulk, planned.size())) {
                planned.forEach(work -> remember(level, work, work.lastOffset()));
                return;
            }
            // Someone else moved a watermark (or the store lost a write): re-read and fold in what is missing.
            planned.forEach(work -> watermarks.remove(key(level, work)));
            pending = planned;
        }
        if (!pending.isEmpty()) {
            throw new TransientFailureException("Aggregates of " + pending.size() + " " + level + " documents kept "
                    + "changing under this consumer; the batch will be redelivered");
        }
    }

    private static boolean applied(BulkOperations bulk, int expected) {
        try {
            BulkWriteResult result = bulk.execute();
            return result.getMatchedCount() + result.getUpserts().size() == expected;
        } catch (BulkOperationException e) {
            return false;
        }
    }

    private long watermark(Level level, DocumentWork work) {
        Long known = watermarks.get(key(level, work));
        if (known != null) {
            return known;
        }
        Document document = mongo.findOne(AggregateDocuments.watermarksOf(work.id), Document.class,
                level.collection());
        return AggregateDocuments.watermark(document, work.partition, NONE);
    }

    private static Query condition(DocumentWork work, long watermark) {
        return AggregateDocuments.atWatermark(work.id, work.partition, watermark, NONE);
    }

    private void remember(Level level, DocumentWork work, long offset) {
        if (watermarks.size() > MAX_REMEMBERED) {
            watermarks.clear();
        }
        watermarks.put(key(level, work), offset);
    }

    private static String key(Level level, DocumentWork work) {
        return level.ordinal() + "|" + work.id + "|" + work.partition;
    }
}
