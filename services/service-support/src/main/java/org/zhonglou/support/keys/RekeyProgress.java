package org.zhonglou.support.keys;

import java.time.Instant;
import org.bson.Document;

/**
 * Where a re-encryption job stands, as the admin endpoint shows it. {@code state}: {@code RUNNING} (an
 * instance holds the lease), {@code INTERRUPTED} (stopped part-way, e.g. by a restart; the next run
 * continues after the last document done), {@code DONE} (a full pass under {@code target} finished),
 * {@code NEVER_RUN}. {@code left} counts documents the pass could not move (a value no configured key
 * opens, or a document that kept changing): keep the older keys until a pass leaves none.
 */
public record RekeyProgress(String job, String keys, String target, String state, long checked, long rewritten,
                            long left, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    static RekeyProgress of(String job, String keys, Document doc, Instant now) {
        if (doc == null) {
            return new RekeyProgress(job, keys, null, "NEVER_RUN", 0, 0, 0, null, null, null);
        }
        String state = doc.get("finishedAt") != null ? "DONE"
                : doc.getDate("leaseUntil") != null && doc.getDate("leaseUntil").toInstant().isAfter(now)
                ? "RUNNING" : "INTERRUPTED";
        return new RekeyProgress(job, keys, doc.getString("target"), state, number(doc, "checked"),
                number(doc, "rewritten"), number(doc, "left"), instant(doc, "startedAt"),
                instant(doc, "updatedAt"), instant(doc, "finishedAt"));
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static Instant instant(Document doc, String field) {
        return doc.getDate(field) == null ? null : doc.getDate(field).toInstant();
    }
}
