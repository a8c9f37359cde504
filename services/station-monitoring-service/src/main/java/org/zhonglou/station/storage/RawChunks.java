package org.zhonglou.station.storage;

import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;

/**
 * Raw readings as immutable chunks, one per batch and metric, id {@code <batchId>|<metric>}: a
 * redelivery writes the same document again (and is refused as a duplicate), nothing ever grows.
 */
@Component
class RawChunks {

    static final String COLLECTION = RawChunkDocuments.COLLECTION;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    RawChunks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void write(Map<ReceivedBatch, boolean[]> counted) {
        List<Document> chunks = new ArrayList<>();
        counted.forEach((received, flags) -> chunks.addAll(chunks(received, flags)));
        if (chunks.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(chunks).execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private static List<Document> chunks(ReceivedBatch received, boolean[] flags) {
        ReadingsAccepted batch = received.batch();
        Map<String, List<Reading>> byMetric = new LinkedHashMap<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                Reading reading = batch.readings().get(i);
                byMetric.computeIfAbsent(reading.metric(), m -> new ArrayList<>()).add(reading);
            }
        }
        List<Document> chunks = new ArrayList<>();
        byMetric.forEach((metric, readings) -> chunks.add(RawChunkDocuments.chunk(batch, metric, readings)));
        return chunks;
    }
}
