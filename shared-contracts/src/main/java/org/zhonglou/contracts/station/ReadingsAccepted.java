package org.zhonglou.contracts.station;

import java.time.Instant;
import java.util.List;

/**
 * One accepted batch from one device, as a single record on {@code station.readings.v1}. The batch id
 * is also the CloudEvent id, so a redelivered record is recognised; each reading's id is the device's
 * own {@code readingId} or, when the device sent none, {@code <batchId>:<index>}.
 */
public record ReadingsAccepted(
        String batchId,
        String stationId,
        String deviceId,
        Instant receivedAt,
        List<Reading> readings) {

    public ReadingsAccepted {
        readings = List.copyOf(readings);
    }

    public record Reading(String readingId, String metric, double value, Instant timestamp) {
    }
}
