package org.zhonglou.loadtools.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.zhonglou.httpclient.Json;
import org.zhonglou.loadtools.client.StationApi;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The physical limit: a plain producer with the ingestion's settings (acks=all, idempotent, linger 2 ms)
 * sending records of the size ingestion writes (one {@code ReadingsAccepted} record per accepted
 * batch) to the same local broker, pipelined, on a topic of its own.
 */
final class KafkaRawBench {

    static final String TOPIC = "bench.raw.v1";

    record Result(double recordsPerSecond, int recordBytes, int readingsPerRecord, long records) {

        double readingsPerSecond() {
            return recordsPerSecond * readingsPerRecord;
        }
    }

    private KafkaRawBench() {
    }

    /** {@code client}: brokers and login ({@link org.zhonglou.loadtools.client.LocalStack#kafkaClient}). */
    static Result run(Map<String, Object> client, int readingsPerRecord, Duration duration) throws Exception {
        ensureTopic(client);
        byte[] value = sampleRecord(readingsPerRecord);
        AtomicLong acked = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore window = new Semaphore(2_000);
        long records = 0;
        long start;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(client))) {
            // One warm-up record: metadata and the producer id are fetched once, not per record.
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", value)).get(10, TimeUnit.SECONDS);
            start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                window.acquire();
                String key = "station-" + (records % 8);
                producer.send(new ProducerRecord<>(TOPIC, key, value), (metadata, error) -> {
                    (error == null ? acked : errors).incrementAndGet();
                    window.release();
                });
                records++;
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " of " + records + " raw records were not acknowledged");
        }
        return new Result(acked.get() / seconds, value.length, readingsPerRecord, acked.get());
    }

    static Properties producerProperties(Map<String, Object> client) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    private static void ensureTopic(Map<String, Object> client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!topics.contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A record shaped and sized like the ingestion's: a batch of readings with ids and timestamps. */
    static byte[] sampleRecord(int readings) {
        ObjectNode batch = Json.object().put("batchId", "bat-0f3a9c2e").put("stationId", "bench-ingest-1")
                .put("deviceId", "compactor-1").put("receivedAt", Instant.now().toString());
        ArrayNode list = batch.putArray("readings");
        Instant now = Instant.now();
        for (int i = 0; i < readings; i++) {
            list.add(StationApi.reading("r0f3a9c2e-" + i, "hydraulic_pressure_mpa", 21.5 + i % 7, now));
        }
        return Json.write(batch).getBytes(StandardCharsets.UTF_8);
    }
}
