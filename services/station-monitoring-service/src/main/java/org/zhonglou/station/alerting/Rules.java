package org.zhonglou.station.alerting;

import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.zhonglou.station.station.Stations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A station's rules: one document per station ({@link RuleListDocuments}), replaced whole. */
@Service
class Rules {

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
            mongo.insert(document(created.stationId(), DefaultRules.ALL), RuleListDocuments.COLLECTION);
        } catch (DuplicateKeyException e) {
            // Already there: a station's rules are never reset behind staff's back.
        }
    }

    /** The station's rules; the defaults for a station that has never had any stored. */
    List<Rule> of(String stationId) {
        Document document = mongo.findById(stationId, Document.class, RuleListDocuments.COLLECTION);
        return document == null ? DefaultRules.ALL : json.readValue(RuleListDocuments.rulesJson(document), RULE_LIST);
    }

    void replace(String stationId, List<Rule> rules) {
        Document document = document(stationId, rules);
        mongo.upsert(RuleListDocuments.byStation(stationId), Update.fromDocument(document),
                RuleListDocuments.COLLECTION);
    }

    private Document document(String stationId, List<Rule> rules) {
        // Written as a List<Rule> so every element carries its kind, whatever the list's runtime type.
        return RuleListDocuments.of(stationId, json.writerFor(RULE_LIST).writeValueAsString(rules), clock.instant());
    }
}
