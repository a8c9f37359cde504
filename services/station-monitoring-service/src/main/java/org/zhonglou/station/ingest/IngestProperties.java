package org.zhonglou.station.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the ingestion endpoint. {@code readingsPerSecond} and {@code burst} form each device's
 * token bucket (counted in readings, so one batch of 1,000 costs 1,000); {@code maxInFlight} bounds
 * the batches held in memory while they wait for the broker.
 */
@ConfigurationProperties("station.ingest")
record IngestProperties(@DefaultValue("20000") double readingsPerSecond, @DefaultValue("60000") double burst,
                        @DefaultValue("64") int maxInFlight) {
}
