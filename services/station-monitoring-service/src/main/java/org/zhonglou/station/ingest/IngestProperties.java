package org.zhonglou.station.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the ingestion endpoint. {@code readingsPerSecond} and {@code burst} form each device's token
 * bucket, counted in readings (one batch of 1,000 costs 1,000). Sized to a real sensor: a station device
 * samples a handful of metrics at most a few times a second, so 100 readings/s is ten times a busy one,
 * and a burst of 6,000 lets a sensor on a flaky link send a minute of backlog at once after coming back
 * online. A leaked key can then add at most 100 readings/s, not the whole station's capacity.
 * {@code maxInFlight} bounds the batches held in memory while they wait for the broker, and
 * {@code maxInFlightPerDevice} the share of those one device may hold, so one flooding device cannot take
 * every slot and starve the others.
 */
@ConfigurationProperties("station.ingest")
record IngestProperties(@DefaultValue("100") double readingsPerSecond, @DefaultValue("6000") double burst,
                        @DefaultValue("64") int maxInFlight, @DefaultValue("16") int maxInFlightPerDevice) {
}
