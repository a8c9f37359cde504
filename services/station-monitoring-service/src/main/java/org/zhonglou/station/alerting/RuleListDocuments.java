package org.zhonglou.station.alerting;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A station's rule list as stored ({@code alert_rules}, id = station id): the list as JSON text, since it
 * is read and written whole and never queried field by field. The one place that knows its field names.
 */
final class RuleListDocuments {

    static final String COLLECTION = "alert_rules";
    static final String ID = "_id";
    static final String RULES = "rules";
    static final String UPDATED_AT = "updatedAt";

    private RuleListDocuments() {
    }

    static Document of(String stationId, String rulesJson, Instant updatedAt) {
        return new Document(ID, stationId).append(RULES, rulesJson).append(UPDATED_AT, Date.from(updatedAt));
    }

    static Query byStation(String stationId) {
        return Query.query(Criteria.where(ID).is(stationId));
    }

    static String rulesJson(Document document) {
        return document.getString(RULES);
    }
}
