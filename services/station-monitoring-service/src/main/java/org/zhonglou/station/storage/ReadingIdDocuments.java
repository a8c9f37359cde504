package org.zhonglou.station.storage;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A claim of a device reading id as stored ({@code reading_ids}, id {@code <station>|<device>|<readingId>}):
 * where the reading came from ({@code o}, partition:offset:index) and its time. The one place that knows
 * its field names.
 */
final class ReadingIdDocuments {

    static final String COLLECTION = "reading_ids";

    static final String ID = "_id";
    static final String ORIGIN = "o";
    static final String AT = "at";

    private ReadingIdDocuments() {
    }

    static Document claim(String id, String origin, Instant at) {
        return new Document(ID, id).append(ORIGIN, origin).append(AT, Date.from(at));
    }

    static String id(Document claim) {
        return claim.getString(ID);
    }

    static String origin(Document claim) {
        return claim.getString(ORIGIN);
    }

    static Query claimedBefore(Date cutoff) {
        return Query.query(Criteria.where(AT).lt(cutoff));
    }
}
