package org.zhonglou.support.messaging;

import org.springframework.messaging.Message;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.EventCodec;

/** Reads a received binary-mode CloudEvent back into its envelope and typed data. */
public final class ReceivedEvents {

    private ReceivedEvents() {
    }

    /** @throws IllegalArgumentException for a record that is not a valid event of this type (send it to the DLQ) */
    public static <T> CloudEvent<T> read(Message<byte[]> message, Class<T> dataType) {
        return CloudEvent.fromHeaders(message.getHeaders(), EventCodec.decode(message.getPayload(), dataType));
    }
}
