package org.zhonglou.station.storage;

import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An aggregate document of one {@link Level} as stored: {@code _id} {@code <station>|<metric>|<epochStart>},
 * the totals, one entry per second, minute or hour ({@code e.t<index>}: count, sum, min, max) and a
 * watermark per Kafka partition ({@code wm.<p>}). The one place that knows its field names.
 */
public final class AggregateDocuments {

    static final String ID = "_id";
    static final String STATION_ID = "stationId";
    static final String METRIC = "metric";
    static final String START = "start";
    static final String WATERMARKS = "wm";
    static final String ENTRIES = "e";
    static final String ENTRY_PREFIX = "t";
    static final String COUNT = "c";
    static final String SUM = "s";
    static final String MIN = "mn";
    static final String MAX = "mx";

    private AggregateDocuments() {
    }

    /** What a reader gets of one entry. */
    @FunctionalInterface
    public interface EntryReader {
        void entry(int index, long count, double sum, double min, double max);
    }

    /** Hands every entry of the document to {@code reader}, in no particular order. */
    public static void entries(Document document, EntryReader reader) {
        document.get(ENTRIES, new Document()).forEach((key, raw) -> {
            Document entry = (Document) raw;
            int index = Integer.parseInt(key.substring(ENTRY_PREFIX.length()));
            reader.entry(index, ((Number) entry.get(COUNT)).longValue(), number(entry, SUM), number(entry, MIN),
                    number(entry, MAX));
        });
    }

    /** The document's watermarks only. */
    static Query watermarksOf(String id) {
        Query query = Query.query(Criteria.where(ID).is(id));
        query.fields().include(WATERMARKS);
        return query;
    }

    /** The last offset of {@code partition} folded into the document, or {@code none}. */
    static long watermark(Document document, int partition, long none) {
        Object value = document == null ? null
                : document.get(WATERMARKS, new Document()).get(Integer.toString(partition));
        return value instanceof Number number ? number.longValue() : none;
    }

    /** The document as this writer last saw it: its watermark for the partition is still {@code watermark}. */
    static Query atWatermark(String id, int partition, long watermark, long none) {
        Criteria criteria = Criteria.where(ID).is(id);
        String field = watermarkField(partition);
        return Query.query(watermark == none ? criteria.and(field).exists(false) : criteria.and(field).is(watermark));
    }

    /** Folds the entries in and moves the partition's watermark to {@code lastOffset}, creating the document. */
    static Update fold(DocumentWork work, Map<Integer, Agg> entries) {
        Update update = new Update()
                .setOnInsert(STATION_ID, work.stationId)
                .setOnInsert(METRIC, work.metric)
                .setOnInsert(START, new Date(work.start * 1000))
                .set(watermarkField(work.partition), work.lastOffset());
        Agg total = new Agg();
        entries.forEach((index, agg) -> {
            String field = ENTRIES + "." + ENTRY_PREFIX + index;
            update.inc(field + "." + COUNT, agg.count).inc(field + "." + SUM, agg.sum)
                    .min(field + "." + MIN, agg.min).max(field + "." + MAX, agg.max);
            total.merge(agg);
        });
        return update.inc(COUNT, total.count).inc(SUM, total.sum).min(MIN, total.min).max(MAX, total.max);
    }

    static Query startedBefore(Date cutoff) {
        return Query.query(Criteria.where(START).lt(cutoff));
    }

    private static String watermarkField(int partition) {
        return WATERMARKS + "." + partition;
    }

    private static double number(Document document, String field) {
        return ((Number) document.get(field)).doubleValue();
    }
}
