package org.zhonglou.station.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.zhonglou.support.outbox.OutboxEvent;

/**
 * An outbox entry as the relay reads it ({@code id, topic, type, key, time, data}), written as a plain BSON
 * document so that no mapping rule turns {@code id} into {@code _id}.
 */
public final class OutboxDocuments {

    private OutboxDocuments() {
    }

    public static Document of(String topic, String type, String key, Instant time, Object data) {
        OutboxEvent event = OutboxEvent.of(topic, type, key, time, data);
        return new Document("id", event.id()).append("topic", event.topic()).append("type", event.type())
                .append("key", event.key()).append("time", Date.from(event.time())).append("data", event.data());
    }
}
