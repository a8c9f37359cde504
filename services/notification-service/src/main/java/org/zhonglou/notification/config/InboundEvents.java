package org.zhonglou.notification.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.messaging.Message;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.EventCodec;

/**
 * Reads a CloudEvent handed to a Spring Cloud Stream function. Spring Cloud Function rewrites the
 * Kafka binding's {@code ce_*} headers to its canonical {@code ce-*} before the function runs, which
 * the shared {@code ReceivedEvents} does not expect; both spellings are accepted here.
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    /** @throws IllegalArgumentException for a record that is not a valid event of this type (DLQ) */
    public static <T> CloudEvent<T> read(Message<byte[]> message, Class<T> dataType) {
        Map<String, Object> headers = new HashMap<>(message.getHeaders());
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce-")) {
                headers.putIfAbsent("ce_" + name.substring(3), value);
            }
        });
        return CloudEvent.fromHeaders(headers, EventCodec.decode(message.getPayload(), dataType));
    }
}
