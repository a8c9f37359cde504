package org.zhonglou.station.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long raw readings (and per-second aggregates, and reading-id claims) are kept. */
@ConfigurationProperties("station.storage")
record StorageProperties(@DefaultValue("P90D") Duration rawRetention) {
}
