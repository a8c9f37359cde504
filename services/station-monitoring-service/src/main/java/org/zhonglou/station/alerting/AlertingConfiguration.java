package org.zhonglou.station.alerting;

import java.util.List;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.station.query.OpenAlerts;
import org.zhonglou.support.outbox.OutboxCollections;

@Configuration(proxyBeanMethods = false)
class AlertingConfiguration {

    /** Alerts and commands carry their pending events in their own documents. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(AlertBook.ALERTS, "commands");
    }

    /** Open alerts for the status page: a filtered read, acceptable off the ingestion path. */
    @Bean
    OpenAlerts openAlerts(MongoTemplate mongo) {
        return stationId -> mongo.find(Query.query(Criteria.where("stationId").is(stationId).and("state")
                        .in(openStates())), Document.class, AlertBook.ALERTS)
                .stream().map(AlertController.AlertView::of).toList();
    }

    static List<String> openStates() {
        return List.of(AlertState.ACTIVE.name(), AlertState.ACKNOWLEDGED.name());
    }
}
