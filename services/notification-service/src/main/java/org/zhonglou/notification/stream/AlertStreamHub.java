package org.zhonglou.notification.stream;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.zhonglou.notification.alert.AlertNotice;
import org.zhonglou.notification.config.NotificationProperties;

/**
 * The open SSE streams of this instance. Replay and registration happen under the same lock as
 * broadcasting, so a client that reconnects gets each alert exactly once: from the replay or live.
 */
@Component
class AlertStreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertStreamHub.class);

    private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
    private final RecentAlerts recent;
    private volatile boolean running;

    AlertStreamHub(NotificationProperties properties, Clock clock) {
        this.recent = new RecentAlerts(properties.stream().replayWindow(), properties.stream().maxBuffered(), clock);
    }

    synchronized void open(SseEmitter emitter, String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            for (AlertNotice missed : recent.after(lastEventId)) {
                if (!send(emitter, missed)) {
                    return;
                }
            }
        }
        clients.add(emitter);
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(error -> clients.remove(emitter));
    }

    synchronized void publish(AlertNotice notice) {
        recent.add(notice);
        for (SseEmitter client : clients) {
            send(client, notice);
        }
    }

    /** Comment lines keep proxies and load balancers from closing a quiet stream. */
    @Scheduled(fixedDelayString = "${notification.stream.heartbeat}")
    synchronized void heartbeat() {
        for (SseEmitter client : clients) {
            try {
                client.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                drop(client);
            }
        }
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
        clients.forEach(SseEmitter::complete);
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private boolean send(SseEmitter client, AlertNotice notice) {
        try {
            client.send(SseEmitter.event().id(notice.id()).name(notice.type()).data(notice.json()));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("Stream client gone: {}", e.toString());
            drop(client);
            return false;
        }
    }

    private void drop(SseEmitter client) {
        clients.remove(client);
        client.completeWithError(new IOException("stream client gone"));
    }
}
