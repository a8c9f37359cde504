package org.zhonglou.support.outbox;

import java.time.Instant;
import java.util.UUID;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.EventCodec;

/**
 * An event still to be published, stored inside its aggregate's document (field {@code outbox}) by the
 * same atomic update that made the change. Its id is fixed here, so a republished event keeps it and
 * consumers can recognise the duplicate.
 */
public record OutboxEvent(String id, String topic, String type, String key, Instant time, String data) {

    public static final String FIELD = "outbox";

    public static OutboxEvent of(String topic, String type, String key, Instant time, Object data) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, type, key, time, EventCodec.encodeToString(data));
    }

    CloudEvent<byte[]> toCloudEvent(String source) {
        return new CloudEvent<>(id, type, source, key, time, data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
