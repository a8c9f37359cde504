package org.zhonglou.station.storage;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.station.ReadingsAccepted;

/** One record of {@code station.readings.v1} with its position, which is what makes replays recognisable. */
public record ReceivedBatch(int partition, long offset, ReadingsAccepted batch) {

    private static final Logger log = LoggerFactory.getLogger(ReceivedBatch.class);

    /** Where reading {@code index} came from; the same on every redelivery of this record. */
    String origin(int index) {
        return partition + ":" + offset + ":" + index;
    }

    /** True for ids the device chose (others are {@code <batchId>:<index>} and unique by construction). */
    boolean hasDeviceReadingId(int index) {
        return !batch.readings().get(index).readingId().startsWith(batch.batchId() + ":");
    }

    /**
     * The batches of one poll (batch mode: payloads and positions arrive as parallel lists). A record that
     * is not a valid event is logged and skipped, so it can never block its partition.
     */
    public static List<ReceivedBatch> decode(Message<List<byte[]>> message) {
        List<byte[]> payloads = message.getPayload();
        List<?> partitions = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = message.getHeaders().get(KafkaHeaders.OFFSET, List.class);
        List<ReceivedBatch> batches = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            int partition = ((Number) partitions.get(i)).intValue();
            long offset = ((Number) offsets.get(i)).longValue();
            try {
                ReadingsAccepted batch = EventCodec.decode(payloads.get(i), ReadingsAccepted.class);
                if (batch.batchId() == null || batch.stationId() == null || batch.deviceId() == null) {
                    throw new IllegalArgumentException("batchId, stationId and deviceId are required");
                }
                batches.add(new ReceivedBatch(partition, offset, batch));
            } catch (IllegalArgumentException | NullPointerException e) {
                log.error("Skipping record {}:{} of {}: not a valid ReadingsAccepted ({})", partition, offset,
                        Topics.STATION_READINGS, e.getMessage());
            }
        }
        return batches;
    }
}
