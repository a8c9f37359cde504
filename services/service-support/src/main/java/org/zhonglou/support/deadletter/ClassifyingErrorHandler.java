package org.zhonglou.support.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of every consumer binding. Each failure is classified ({@link Classified}) before
 * Spring Kafka sees it, and the class picks the back-off: transient failures are retried every second
 * without end (the consumer holds its position, nothing is committed past the failed record); poison
 * records go to the dead-letter topic on the first failure; other failures get two more tries half a
 * second apart. Batch listeners report the failed record's index ({@link BatchListenerFailedException}),
 * so the records before it are committed and the ones after it are polled again, never dead-lettered.
 */
final class ClassifyingErrorHandler extends DefaultErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ClassifyingErrorHandler.class);
    static final BackOff RETRY_WHILE_AWAY = new FixedBackOff(1_000L, FixedBackOff.UNLIMITED_ATTEMPTS);
    static final BackOff NO_RETRY = new FixedBackOff(0L, 0L);
    static final BackOff FEW_RETRIES = new FixedBackOff(500L, 2L);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final String consumer;
    private final BooleanSupplier storeReachable;
    private final AtomicReference<Instant> lastTransientLog = new AtomicReference<>(Instant.EPOCH);

    ClassifyingErrorHandler(String consumer, ConsumerRecordRecoverer recoverer, BooleanSupplier storeReachable) {
        super(recoverer, RETRY_WHILE_AWAY);
        this.consumer = consumer;
        this.storeReachable = storeReachable;
        setBackOffFunction((record, failure) -> failure instanceof Classified.Transient ? RETRY_WHILE_AWAY
                : failure instanceof Classified.Poison ? NO_RETRY : FEW_RETRIES);
        // The seeks and retries are routine here; what matters is logged below and by the publisher.
        setLogLevel(KafkaException.Level.DEBUG);
    }

    @Override
    public boolean handleOne(Exception thrown, ConsumerRecord<?, ?> record, Consumer<?, ?> kafka,
            MessageListenerContainer container) {
        return super.handleOne(classify(thrown), record, kafka, container);
    }

    @Override
    public void handleRemaining(Exception thrown, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> kafka,
            MessageListenerContainer container) {
        super.handleRemaining(classify(thrown), records, kafka, container);
    }

    @Override
    public void handleBatch(Exception thrown, ConsumerRecords<?, ?> data, Consumer<?, ?> kafka,
            MessageListenerContainer container, Runnable invokeListener) {
        super.handleBatch(classify(atIndex(thrown)), data, kafka, container, invokeListener);
    }

    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrown, ConsumerRecords<?, ?> data,
            Consumer<?, ?> kafka, MessageListenerContainer container, Runnable invokeListener) {
        return super.handleBatchAndReturnRemaining(classify(atIndex(thrown)), data, kafka, container, invokeListener);
    }

    /**
     * A batch failure without an index would go to Spring Kafka's whole-batch fallback, which dead-letters
     * every record of the batch once its retries end: it is pinned to the first record instead.
     */
    private static Exception atIndex(Exception thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current instanceof BatchListenerFailedException) {
                return thrown;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return new BatchListenerFailedException("The poll failed before any record was handled", thrown, 0);
    }

    private Exception classify(Exception thrown) {
        Classified classified = Classified.of(thrown, storeReachable);
        if (classified instanceof Classified.Transient) {
            Instant now = Instant.now();
            Instant last = lastTransientLog.get();
            if (now.isAfter(last.plus(LOG_EVERY)) && lastTransientLog.compareAndSet(last, now)) {
                log.warn("Consumer {} cannot go on for now, retrying every second until it can: {}", consumer,
                        DeadLetterReasons.describe(thrown));
            }
        } else {
            log.debug("Consumer {} failed: {}", consumer, DeadLetterReasons.describe(thrown));
        }
        return classified;
    }
}
