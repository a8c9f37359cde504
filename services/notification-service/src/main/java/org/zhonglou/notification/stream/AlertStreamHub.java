package org.zhonglou.notification.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.zhonglou.notification.alert.AlertNotice;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.support.refusal.Refusal;

/**
 * The open SSE streams of this instance. Broadcasting only queues each event per client (see
 * {@link StreamClient}), so one slow or stalled client never delays another; a client whose queue is
 * full is dropped and resumes with Last-Event-ID. Replay and registration happen under the same lock as
 * queueing, so a client that reconnects gets each alert exactly once: from the replay or live. Streams
 * are capped per staff member and per instance, and end when the caller's token expires.
 */
@Component
class AlertStreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStreamHub.class);
    private static final Duration RETRY_WHEN_FULL = Duration.ofSeconds(30);

    private final List<StreamClient> clients = new CopyOnWriteArrayList<>();
    private final RecentAlerts recent;
    private final NotificationProperties.Stream settings;
    private final TaskScheduler scheduler;
    private final ExecutorService sender;
    private volatile boolean running;

    AlertStreamHub(NotificationProperties properties, Clock clock, TaskScheduler scheduler) {
        this.settings = properties.stream();
        this.recent = new RecentAlerts(settings.replayWindow(), settings.maxBuffered(), clock);
        this.scheduler = scheduler;
        // A thread per client that is being written to: a blocked write holds its own thread only. Twice
        // the cap, because a dropped client's write may still be blocked until the socket times out.
        AtomicInteger count = new AtomicInteger();
        this.sender = new ThreadPoolExecutor(0, 2 * settings.maxTotal() + 1, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "alert-stream-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Registers a stream for {@code owner} until {@code expiresAt}, after the events it missed; or 429. */
    synchronized void open(SseEmitter emitter, String owner, Instant expiresAt, String lastEventId) {
        if (clients.size() >= settings.maxTotal()) {
            throw Refusal.rateLimited("This instance serves its maximum of " + settings.maxTotal()
                    + " live streams; try again later.", RETRY_WHEN_FULL);
        }
        if (clients.stream().filter(client -> client.owner().equals(owner)).count() >= settings.maxPerUser()) {
            throw Refusal.rateLimited("You already have " + settings.maxPerUser()
                    + " live streams open; close one first.", RETRY_WHEN_FULL);
        }
        List<AlertNotice> missed = lastEventId == null || lastEventId.isBlank() ? List.of() : recent.after(lastEventId);
        StreamClient client = new StreamClient(owner, emitter, settings.clientBuffer() + missed.size(), sender);
        missed.forEach(notice -> client.offer(event(notice)));
        clients.add(client);
        ScheduledFuture<?> expiry = expiresAt == null ? null : scheduler.schedule(() -> end(client), expiresAt);
        Runnable forget = () -> {
            clients.remove(client);
            if (expiry != null) {
                expiry.cancel(false);
            }
        };
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
    }

    synchronized void publish(AlertNotice notice) {
        recent.add(notice);
        for (StreamClient client : clients) {
            if (!client.offer(event(notice))) {
                log.info("Live stream of {} dropped: {} events behind", client.owner(), settings.clientBuffer());
                end(client);
            }
        }
    }

    /** Comment lines keep proxies and load balancers from closing a quiet stream. */
    @Scheduled(fixedDelayString = "${notification.stream.heartbeat}")
    void heartbeat() {
        for (StreamClient client : clients) {
            if (!client.offer(() -> SseEmitter.event().comment("heartbeat"))) {
                end(client);
            }
        }
    }

    int openStreams() {
        return clients.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the open streams before the web server's graceful shutdown, which would otherwise wait its
     * whole timeout for these never-ending responses. Clients reconnect (to another instance) with
     * Last-Event-ID.
     */
    @Override
    public synchronized void stop() {
        running = false;
        clients.forEach(StreamClient::close);
        clients.clear();
        sender.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void end(StreamClient client) {
        clients.remove(client);
        client.close();
    }

    private static Supplier<SseEmitter.SseEventBuilder> event(AlertNotice notice) {
        return () -> SseEmitter.event().id(notice.id()).name(notice.type()).data(notice.json());
    }
}
