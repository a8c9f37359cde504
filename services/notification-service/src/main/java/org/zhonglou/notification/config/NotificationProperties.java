package org.zhonglou.notification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything tunable about delivery; defaults live in application.yml, tests shorten the times. */
@ConfigurationProperties("notification")
public record NotificationProperties(
        Webhooks webhooks,
        Secrets secrets,
        Delivery delivery,
        Reminders reminders,
        Stream stream,
        Registration registration,
        Parent parent,
        Mail mail) {

    /** {@code allowInsecureTargets}: http and private/loopback receivers (local profile only). */
    public record Webhooks(Duration timeout, boolean allowInsecureTargets) {
    }

    /**
     * Base64 of a 32-byte AES key for the signing secrets at rest, and older keys (comma separated) still
     * read while a rotation moves the secrets over.
     */
    public record Secrets(String key, String oldKeys) {
    }

    public record Delivery(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                           double jitter, Duration lease, int workers, Duration retention) {
    }

    public record Reminders(Duration interval) {
    }

    /**
     * {@code maxBuffered}: alerts kept for replay; {@code maxPerUser}/{@code maxTotal}: open streams per
     * staff member and per instance; {@code clientBuffer}: events waiting for one client before it is
     * dropped as too slow.
     */
    public record Stream(Duration heartbeat, Duration replayWindow, int maxBuffered, int maxPerUser, int maxTotal,
                         int clientBuffer) {
    }

    public record Registration(String baseUrl, Duration timeout) {
    }

    public record Parent(Duration initialBackoff, Duration maxBackoff) {
    }

    public record Mail(String from) {
    }
}
