package org.zhonglou.notification.subscription;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.zhonglou.contracts.station.Severity;

/**
 * A staff member's alert subscription. {@code encryptedSecret} is the webhook signing secret under
 * AES-GCM; the plain secret is shown once, at creation. Not an API body.
 */
@Document(Subscription.COLLECTION)
public record Subscription(
        @Id String id,
        String owner,
        Channel channel,
        String target,
        List<String> stationIds,
        Severity minSeverity,
        boolean includeResolved,
        QuietHoursDocument quietHours,
        String encryptedSecret,
        Instant createdAt) {

    public static final String COLLECTION = "subscriptions";

    /** Stored as text so the document reads the same in any driver or shell. */
    public record QuietHoursDocument(String start, String end, String timeZone) {

        public QuietHours toQuietHours() {
            return new QuietHours(java.time.LocalTime.parse(start), java.time.LocalTime.parse(end),
                    java.time.ZoneId.of(timeZone));
        }
    }

    public boolean coversStation(String stationId) {
        return stationIds == null || stationIds.isEmpty() || stationIds.contains(stationId);
    }

    /** When an alert of this severity, due now, may be sent: critical alerts ignore quiet hours. */
    public Instant releaseTime(Severity severity, Instant now) {
        if (quietHours == null || severity == Severity.CRITICAL) {
            return now;
        }
        return quietHours.toQuietHours().releaseTime(now);
    }
}
