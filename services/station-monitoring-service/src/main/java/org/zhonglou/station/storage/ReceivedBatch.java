package org.zhonglou.station.storage;

import org.zhonglou.contracts.station.ReadingsAccepted;

/** One record of {@code station.readings.v1} with its position, which is what makes replays recognisable. */
public record ReceivedBatch(int partition, long offset, ReadingsAccepted batch) {

    /** Where reading {@code index} came from; the same on every redelivery of this record. */
    String origin(int index) {
        return partition + ":" + offset + ":" + index;
    }

    /** True for ids the device chose (others are {@code <batchId>:<index>} and unique by construction). */
    boolean hasDeviceReadingId(int index) {
        return !batch.readings().get(index).readingId().startsWith(batch.batchId() + ":");
    }
}
