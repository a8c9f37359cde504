package org.zhonglou.notification.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.notification.alert.AlertNotice;
import org.zhonglou.support.kafka.KafkaClients;

/**
 * Feeds the live stream. Unlike the delivery consumer (a group member that gets its share of the
 * partitions) every instance must see every alert, so this is a plain consumer without a group that
 * assigns itself all partitions and starts at the end: a stream shows what happens from now on.
 */
@Component
class LiveAlertFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveAlertFeed.class);

    private final AlertStreamHub hub;
    private final Map<String, Object> connection;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    LiveAlertFeed(AlertStreamHub hub, Environment environment) {
        this.hub = hub;
        this.connection = KafkaClients.connection(environment);
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-live-stream");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "live-alert-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Survives broker outages: on an error it waits a moment and re-assigns, again from the end. */
    private void run() {
        try {
            while (running) {
                try {
                    assignAllAtEnd();
                    while (running) {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                            handle(record);
                        }
                    }
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Live alert feed interrupted, reconnecting: {}", e.toString());
                    pause();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void assignAllAtEnd() {
        List<PartitionInfo> partitions = consumer.partitionsFor(Topics.STATION_ALERTS, Duration.ofSeconds(5));
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.STATION_ALERTS + " has no partitions yet");
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position);
        log.info("Live alert feed reads {} partitions of {}", assigned.size(), Topics.STATION_ALERTS);
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        try {
            Map<String, Object> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value());
            }
            CloudEvent<AlertEvent> event = CloudEvent.fromHeaders(headers,
                    EventCodec.decode(record.value(), AlertEvent.class));
            hub.publish(AlertNotice.of(event.id(), event.type(), event.source(), event.subject(), event.time(),
                    event.data(), record.value()));
        } catch (RuntimeException e) {
            log.warn("Live feed skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
