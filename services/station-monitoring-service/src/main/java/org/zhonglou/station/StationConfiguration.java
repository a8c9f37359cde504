package org.zhonglou.station;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhonglou.station.query.OpenAlerts;

@Configuration(proxyBeanMethods = false)
class StationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAlerts openAlerts() {
        return stationId -> List.of();
    }
}
