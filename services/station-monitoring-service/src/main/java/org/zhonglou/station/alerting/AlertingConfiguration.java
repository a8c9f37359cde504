package org.zhonglou.station.alerting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhonglou.station.command.CommandDocuments;
import org.zhonglou.station.query.OpenAlerts;
import org.zhonglou.support.outbox.OutboxCollections;

@Configuration(proxyBeanMethods = false)
class AlertingConfiguration {

    /** Alerts and commands carry their pending events in their own documents. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(Alerts.ALERTS, CommandDocuments.COLLECTION);
    }

    /** Open alerts for the status page. */
    @Bean
    OpenAlerts openAlerts(Alerts alerts) {
        return stationId -> alerts.openOf(stationId).stream().map(AlertController.AlertView::of).toList();
    }
}
