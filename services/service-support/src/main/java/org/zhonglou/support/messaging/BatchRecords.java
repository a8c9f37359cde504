package org.zhonglou.support.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The body of a batch consumer ({@code batch-mode}, native decoding: the payloads arrive as raw bytes)
 * that never lets one record hold up its partition and never handles a good record twice.
 *
 * <p>Records are decoded in order up to the first that cannot be ({@link PoisonRecordException}); the
 * good ones before it are handled together, then the poison one is reported by its index, so the error
 * handler commits its predecessors and dead-letters it alone; the records after it come back in the
 * next poll. A transient failure reports index 0: nothing is committed and the whole poll is retried
 * until it succeeds. Any other failure is narrowed down by handling the records one at a time, so only
 * the record that fails on its own is reported (the handler must be idempotent: the ones before it are
 * handled again).
 */
public final class BatchRecords<T> implements Consumer<Message<List<byte[]>>> {

    /** Decodes one record; throws {@link PoisonRecordException} when it can never be handled. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] payload, int partition, long offset);
    }

    private final Decoder<T> decoder;
    private final Consumer<List<T>> handler;

    private BatchRecords(Decoder<T> decoder, Consumer<List<T>> handler) {
        this.decoder = decoder;
        this.handler = handler;
    }

    public static <T> BatchRecords<T> of(Decoder<T> decoder, Consumer<List<T>> handler) {
        return new BatchRecords<>(decoder, handler);
    }

    @Override
    public void accept(Message<List<byte[]>> message) {
        List<byte[]> payloads = message.getPayload();
        List<?> partitions = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = message.getHeaders().get(KafkaHeaders.OFFSET, List.class);
        List<T> good = new ArrayList<>(payloads.size());
        RuntimeException poison = null;
        for (int i = 0; i < payloads.size() && poison == null; i++) {
            try {
                good.add(decoder.decode(payloads.get(i), ((Number) partitions.get(i)).intValue(),
                        ((Number) offsets.get(i)).longValue()));
            } catch (RuntimeException e) {
                poison = e instanceof PoisonRecordException ? e
                        : new PoisonRecordException("Cannot decode: " + e.getMessage(), e);
            }
        }
        if (!good.isEmpty()) {
            handle(good);
        }
        if (poison != null) {
            throw new BatchListenerFailedException("Record " + good.size() + " of the poll can never be handled",
                    poison, good.size());
        }
    }

    private void handle(List<T> records) {
        try {
            handler.accept(records);
        } catch (RuntimeException e) {
            if (ConsumerFailures.isTransient(e)) {
                throw new BatchListenerFailedException("The poll failed for now; it will be retried", e, 0);
            }
            for (int i = 0; i < records.size(); i++) {
                try {
                    handler.accept(List.of(records.get(i)));
                } catch (RuntimeException alone) {
                    throw new BatchListenerFailedException("Record " + i + " of the poll failed", alone, i);
                }
            }
        }
    }
}
