package org.zhonglou.station.storage;

import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.support.messaging.PoisonRecordException;

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

    /**
     * One record, decoded and checked as strictly as the API checks a reading: a record that could make
     * storage or alerting fail (an absurd instant, a value outside the metric's range) never gets past
     * this, whoever produced it.
     *
     * @throws PoisonRecordException when the record is not a valid {@code ReadingsAccepted}
     */
    public static ReceivedBatch decode(byte[] payload, int partition, long offset) {
        ReadingsAccepted batch;
        try {
            batch = EventCodec.decode(payload, ReadingsAccepted.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
        String problem = ReadingsCheck.problem(batch);
        if (problem != null) {
            throw new PoisonRecordException("Not a valid ReadingsAccepted: " + problem);
        }
        return new ReceivedBatch(partition, offset, batch);
    }
}
