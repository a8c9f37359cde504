package org.zhonglou.station.storage;

/**
 * The three fixed-size aggregate documents kept per station and metric: a minute document with one
 * entry per second, an hour document with one entry per minute, a day (UTC) document with one entry
 * per hour. Ids are computed from the time, so writes and reads are point operations.
 */
public enum Level {
    SECONDS("agg_seconds", 60, 1),
    MINUTES("agg_minutes", 3_600, 60),
    HOURS("agg_hours", 86_400, 3_600);

    private final String collection;
    private final long documentSeconds;
    private final long entrySeconds;

    Level(String collection, long documentSeconds, long entrySeconds) {
        this.collection = collection;
        this.documentSeconds = documentSeconds;
        this.entrySeconds = entrySeconds;
    }

    public String collection() {
        return collection;
    }

    public long documentSeconds() {
        return documentSeconds;
    }

    public long entrySeconds() {
        return entrySeconds;
    }

    public long documentStart(long epochSecond) {
        return Math.floorDiv(epochSecond, documentSeconds) * documentSeconds;
    }

    public int entryIndex(long epochSecond) {
        return (int) ((epochSecond - documentStart(epochSecond)) / entrySeconds);
    }

    public static String documentId(String stationId, String metric, long documentStart) {
        return stationId + "|" + metric + "|" + documentStart;
    }
}
