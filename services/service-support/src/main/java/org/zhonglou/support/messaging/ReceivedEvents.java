package org.zhonglou.support.messaging;

import java.util.function.Function;
import org.springframework.messaging.Message;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.support.bounds.TimeBounds;

/** Reads a received binary-mode CloudEvent back into its envelope and typed data. */
public final class ReceivedEvents {

    private ReceivedEvents() {
    }

    /** @throws PoisonRecordException for a record that is not a valid event of this type */
    public static <T> CloudEvent<T> read(Message<byte[]> message, Class<T> dataType) {
        return read(message, dataType, data -> null);
    }

    /**
     * As {@link #read(Message, Class)}, and the data must pass {@code check} (null when it is fine,
     * otherwise why not), so that nothing downstream meets a value it cannot handle.
     *
     * @throws PoisonRecordException for a record that is not a valid event of this type
     */
    public static <T> CloudEvent<T> read(Message<byte[]> message, Class<T> dataType, Function<T, String> check) {
        CloudEvent<T> event;
        try {
            event = CloudEvent.fromHeaders(message.getHeaders(), EventCodec.decode(message.getPayload(), dataType));
        } catch (RuntimeException e) {
            throw new PoisonRecordException("Not a valid " + dataType.getSimpleName() + " event: " + e.getMessage(), e);
        }
        String problem = TimeBounds.contains(event.time()) ? check.apply(event.data())
                : "time " + event.time() + " " + TimeBounds.MESSAGE;
        if (problem != null) {
            throw new PoisonRecordException("Event " + event.id() + " (" + event.type() + ") cannot be handled: "
                    + problem);
        }
        return event;
    }
}
