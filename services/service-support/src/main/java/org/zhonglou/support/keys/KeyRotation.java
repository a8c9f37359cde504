package org.zhonglou.support.keys;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs a service's {@link RekeyJob}s: by itself while older keys are configured (so a rotation is "add
 * the new key, restart, wait for DONE, remove the old key"), and on demand from the STAFF endpoint. On
 * one thread of its own: a pass over a large collection must not hold up the shared scheduler (the
 * outbox sweep runs there).
 */
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final List<RekeyJob> jobs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "key-rotation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public KeyRotation(List<RekeyJob> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    public List<RekeyProgress> progress() {
        return jobs.stream().map(RekeyJob::progress).toList();
    }

    /** Starts a pass of every job in the background (a new one where the last finished); the progress now. */
    public List<RekeyProgress> start() {
        submit(true);
        return progress();
    }

    @Scheduled(fixedDelayString = "${zhonglou.keys.rekey-interval:PT10M}",
            initialDelayString = "${zhonglou.keys.rekey-initial-delay:PT1M}")
    void continueWhileOlderKeysAreConfigured() {
        if (jobs.stream().anyMatch(RekeyJob::hasOlderKeys)) {
            submit(false);
        }
    }

    /** Scheduled passes are not queued twice; a pass asked for by hand always runs. */
    private void submit(boolean again) {
        if (!again && !queued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            if (!again) {
                queued.set(false);
            }
            for (RekeyJob job : jobs) {
                try {
                    if (again || job.hasOlderKeys()) {
                        job.run(again);
                    }
                } catch (RuntimeException e) {
                    log.warn("Re-encryption {} stopped: {}; the next run continues", job.name(), e.toString());
                }
            }
        });
    }

    void shutdown() {
        worker.shutdownNow();
    }
}
