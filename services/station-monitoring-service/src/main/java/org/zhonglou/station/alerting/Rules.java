package org.zhonglou.station.alerting;

import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.zhonglou.station.station.Stations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A station's rules: one document per station ({@code alert_rules}, id = station id), replaced whole. */
@Service
public class Rules {

    static final String COLLECTION = "alert_rules";
    private static final TypeReference<List<Rule>> RULE_LIST = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    Rules(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void onStationCreated(Stations.StationCreated created) {
        try {
            mongo.insert(document(created.stationId(), DefaultRules.ALL), COLLECTION);
        } catch (DuplicateKeyException e) {
            // Already there: a station's rules are never reset behind staff's back.
        }
    }

    /** The station's rules; the defaults for a station that has never had any stored. */
    public List<Rule> of(String stationId) {
        Document document = mongo.findById(stationId, Document.class, COLLECTION);
        return document == null ? DefaultRules.ALL : json.readValue(document.getString("rules"), RULE_LIST);
    }

    void replace(String stationId, List<Rule> rules) {
        mongo.upsert(Query.query(Criteria.where("_id").is(stationId)),
                Update.fromDocument(document(stationId, rules)), COLLECTION);
    }

    private Document document(String stationId, List<Rule> rules) {
        // Stored as JSON text: the rule list is read and written whole, never queried field by field.
        return new Document("_id", stationId).append("rules", json.writeValueAsString(rules))
                .append("updatedAt", java.util.Date.from(clock.instant()));
    }
}
