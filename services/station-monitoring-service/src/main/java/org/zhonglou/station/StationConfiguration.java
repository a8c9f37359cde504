package org.zhonglou.station;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
