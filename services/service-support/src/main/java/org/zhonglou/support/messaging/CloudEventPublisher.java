package org.zhonglou.support.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.EventCodec;

/**
 * Sends CloudEvents in binary mode through Spring Cloud Stream. Producers are synchronous
 * ({@code producer.sync}), so a return means the broker acknowledged with {@code acks=all}; a failure
 * throws {@link EventPublishingException} and the caller keeps the event for a later attempt.
 */
public class CloudEventPublisher {

    private final StreamBridge streamBridge;
    private final String source;

    public CloudEventPublisher(StreamBridge streamBridge, String source) {
        this.streamBridge = streamBridge;
        this.source = source;
    }

    /** The CloudEvents {@code source} of everything this service publishes. */
    public String source() {
        return source;
    }

    public void publish(String topic, CloudEvent<?> event) {
        byte[] payload = event.data() instanceof byte[] raw ? raw : EventCodec.encode(event.data());
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(payload);
        event.headers().forEach(builder::setHeader);
        Message<byte[]> message = builder
                .setHeader(KafkaHeaders.KEY, event.subject().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(topic, message);
        } catch (RuntimeException e) {
            throw new EventPublishingException("Could not publish " + event.type() + " " + event.id() + " to "
                    + topic, e);
        }
        if (!sent) {
            throw new EventPublishingException("The binder refused " + event.type() + " " + event.id(), null);
        }
    }
}
