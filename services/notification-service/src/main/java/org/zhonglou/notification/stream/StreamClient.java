package org.zhonglou.notification.stream;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream with its own bounded queue. Only the client's own drain task, on the send executor,
 * ever touches the emitter: a write that blocks on a client that stopped reading holds up that client
 * alone, never the feed or the others. Closing is a flag the drain task acts on, for the same reason.
 */
final class StreamClient {

    private final String owner;
    private final SseEmitter emitter;
    private final BlockingQueue<Supplier<SseEmitter.SseEventBuilder>> queue;
    private final Executor sender;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closing;

    StreamClient(String owner, SseEmitter emitter, int capacity, Executor sender) {
        this.owner = owner;
        this.emitter = emitter;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.sender = sender;
    }

    String owner() {
        return owner;
    }

    /** Queues an event; false when the client is too far behind (the caller drops it). */
    boolean offer(Supplier<SseEmitter.SseEventBuilder> event) {
        if (closing || !queue.offer(event)) {
            return false;
        }
        schedule();
        return true;
    }

    /** Ends the stream once the events already written are out; queued ones are left to the replay. */
    void close() {
        closing = true;
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // No drain task runs (the flag was ours), so nothing holds the emitter: end it here.
                closing = true;
                finish(null);
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                if (closing) {
                    finish(null);
                    return;
                }
                Supplier<SseEmitter.SseEventBuilder> next = queue.poll();
                if (next == null) {
                    draining.set(false);
                    // An offer or close between the poll and the reset found the flag still set: go on.
                    if ((queue.isEmpty() && !closing) || !draining.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                emitter.send(next.get());
            }
        } catch (IOException | IllegalStateException e) {
            closing = true;
            finish(e);
        }
    }

    /** Completing a stream the client has already left may fail again; it is over either way. */
    private void finish(Throwable error) {
        try {
            if (error == null) {
                emitter.complete();
            } else {
                emitter.completeWithError(error);
            }
        } catch (RuntimeException alreadyOver) {
            // nothing left to end
        }
    }
}
