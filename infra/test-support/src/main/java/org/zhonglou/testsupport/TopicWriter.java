package org.zhonglou.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.EventCodec;

/**
 * Puts records on a topic as any producer could, bypassing the services' own checks: how a test plants a
 * poison record (an event a buggy or hostile producer wrote) between good ones.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TopicWriter(String brokers) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    /** {@code client}: brokers and login, e.g. {@link RestartableKafka#client}. */
    public TopicWriter(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** An event in binary mode (ce_* headers, key = subject) with its data encoded as the services do. */
    public RecordMetadata send(String topic, CloudEvent<?> event) {
        return send(topic, event, EventCodec.encode(event.data()));
    }

    /** The envelope of {@code event} around any payload at all, e.g. bytes that are not JSON. */
    public RecordMetadata send(String topic, CloudEvent<?> event, byte[] payload) {
        List<Header> headers = new ArrayList<>();
        event.headers().forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            return producer.send(new ProducerRecord<>(topic, null, event.subject(), payload, headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not take the record for " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
