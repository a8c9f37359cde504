package org.zhonglou.station.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.zhonglou.station.storage.AggregateDocuments;
import org.zhonglou.station.storage.Level;
import org.zhonglou.support.refusal.FieldProblem;
import org.zhonglou.support.refusal.Refusal;

/**
 * Answers time-series questions from the aggregate documents: it picks the coarsest level whose entries
 * fit the step and the range exactly, computes the document ids the range needs and reads them by id.
 * No range scan, and the cost depends on the range and step, not on how many readings there are.
 */
@Component
class SeriesReader {

    static final int MAX_BUCKETS = 10_000;
    static final int MAX_DOCUMENTS = 2_000;

    private final MongoTemplate mongo;

    SeriesReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Count, sum, min, max of one bucket; min/max meaningless while count is 0. */
    static final class Cell {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(long c, double s, double mn, double mx) {
            count += c;
            sum += s;
            min = Math.min(min, mn);
            max = Math.max(max, mx);
        }
    }

    List<Cell> read(String stationId, String metric, Instant from, Instant to, Duration step) {
        long stepSeconds = step.getSeconds();
        long buckets = (Duration.between(from, to).getSeconds() + stepSeconds - 1) / stepSeconds;
        if (buckets > MAX_BUCKETS) {
            throw Refusal.invalid("That would be " + buckets + " buckets; at most " + MAX_BUCKETS + ".",
                    List.of(new FieldProblem("step", "too small for the range")));
        }
        Level level = levelFor(from, to, stepSeconds);
        long firstDocument = level.documentStart(from.getEpochSecond());
        long documents = (to.getEpochSecond() - firstDocument + level.documentSeconds() - 1) / level.documentSeconds();
        if (documents > MAX_DOCUMENTS) {
            throw Refusal.invalid("The range is too long for this step; use a step that is a whole number "
                    + "of minutes or hours, or a shorter range.", List.of(new FieldProblem("step", "too fine")));
        }
        List<Cell> cells = new ArrayList<>((int) buckets);
        for (int i = 0; i < buckets; i++) {
            cells.add(new Cell());
        }
        for (long start = firstDocument; start < to.getEpochSecond(); start += level.documentSeconds()) {
            Document document = mongo.findById(Level.documentId(stationId, metric, start), Document.class,
                    level.collection());
            if (document != null) {
                fold(document, start, level, from, to, stepSeconds, cells);
            }
        }
        return cells;
    }

    private static void fold(Document document, long documentStart, Level level, Instant from, Instant to,
                             long stepSeconds, List<Cell> cells) {
        AggregateDocuments.entries(document, (index, count, sum, min, max) -> {
            long entryStart = documentStart + index * level.entrySeconds();
            if (entryStart >= from.getEpochSecond() && entryStart < to.getEpochSecond()) {
                cells.get((int) ((entryStart - from.getEpochSecond()) / stepSeconds)).add(count, sum, min, max);
            }
        });
    }

    /** The coarsest level whose entries never straddle a bucket edge or the range ends. */
    static Level levelFor(Instant from, Instant to, long stepSeconds) {
        for (Level level : new Level[] {Level.HOURS, Level.MINUTES}) {
            long entry = level.entrySeconds();
            if (stepSeconds % entry == 0 && from.getEpochSecond() % entry == 0 && to.getEpochSecond() % entry == 0
                    && from.getNano() == 0 && to.getNano() == 0) {
                return level;
            }
        }
        return Level.SECONDS;
    }
}
