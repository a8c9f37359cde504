package org.zhonglou.station.ingest;

import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.ReadingsAccepted;

/** One accepted batch as a CloudEvent: id = batch id (stable on redelivery), subject = station id (the key). */
final class ReadingsEvents {

    private ReadingsEvents() {
    }

    static CloudEvent<ReadingsAccepted> of(ReadingsAccepted batch, String source) {
        return new CloudEvent<>(batch.batchId(), EventTypes.READINGS_ACCEPTED, source, batch.stationId(),
                batch.receivedAt(), batch);
    }
}
