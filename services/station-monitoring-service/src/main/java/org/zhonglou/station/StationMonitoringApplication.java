package org.zhonglou.station;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StationMonitoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(StationMonitoringApplication.class, args);
    }
}
