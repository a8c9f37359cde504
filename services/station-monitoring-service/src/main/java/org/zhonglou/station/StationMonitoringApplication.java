package org.zhonglou.station;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StationMonitoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(StationMonitoringApplication.class, args);
    }
}
