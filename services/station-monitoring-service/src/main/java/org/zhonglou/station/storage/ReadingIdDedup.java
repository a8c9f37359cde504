package org.zhonglou.station.storage;

import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;

/**
 * Decides which readings count, so a repeated device {@code readingId} is stored once. Every reading
 * with a device-chosen id claims {@code <station>|<device>|<readingId>} in {@code reading_ids}, marked
 * with its origin (partition, offset, index). A reading counts when the claim is its own: a later copy
 * finds another origin and is skipped, while a redelivery of the same record finds its own origin and
 * counts again (the aggregate watermarks keep that from adding twice). All claims of a poll go in one
 * unordered bulk insert; only conflicts are read back.
 */
@Component
class ReadingIdDedup {

    static final String COLLECTION = ReadingIdDocuments.COLLECTION;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    ReadingIdDedup(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** For each batch, which of its readings count. */
    Map<ReceivedBatch, boolean[]> counted(List<ReceivedBatch> batches) {
        Map<ReceivedBatch, boolean[]> counted = new HashMap<>();
        List<Document> claims = new ArrayList<>();
        List<Claim> owners = new ArrayList<>();
        for (ReceivedBatch received : batches) {
            boolean[] flags = new boolean[received.batch().readings().size()];
            java.util.Arrays.fill(flags, true);
            counted.put(received, flags);
            for (int i = 0; i < flags.length; i++) {
                if (received.hasDeviceReadingId(i)) {
                    Reading reading = received.batch().readings().get(i);
                    claims.add(ReadingIdDocuments.claim(claimId(received, reading), received.origin(i),
                            reading.timestamp()));
                    owners.add(new Claim(received, i));
                }
            }
        }
        if (!claims.isEmpty()) {
            for (int conflict : conflicts(claims)) {
                Claim claim = owners.get(conflict);
                Document existing = mongo.findById(ReadingIdDocuments.id(claims.get(conflict)), Document.class,
                        COLLECTION);
                boolean own = existing != null
                        && claim.received.origin(claim.index).equals(ReadingIdDocuments.origin(existing));
                counted.get(claim.received)[claim.index] = own;
            }
        }
        return counted;
    }

    private List<Integer> conflicts(List<Document> claims) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(claims).execute();
            return List.of();
        } catch (BulkOperationException e) {
            List<Integer> conflicts = new ArrayList<>();
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(error.getIndex());
            }
            return conflicts;
        }
    }

    private static String claimId(ReceivedBatch received, Reading reading) {
        return received.batch().stationId() + "|" + received.batch().deviceId() + "|" + reading.readingId();
    }

    private record Claim(ReceivedBatch received, int index) {
    }
}
