package org.zhonglou.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.notification.subscription.Channel;

/**
 * One event for one subscription. The id is derived from (event id, subscription id), so a redelivered
 * Kafka record or a second instance produces the same id and the insert is refused as a duplicate.
 * {@code payload} is the exact body that is signed and sent, kept so every retry sends the same bytes.
 * {@code attempts} is bounded by {@code giveUpAfter}. {@code leaseUntil} is the claim of the instance
 * that is sending it; the dispatcher takes only deliveries that are due and not leased.
 */
@Document(Delivery.COLLECTION)
public record Delivery(
        @Id String id,
        String subscriptionId,
        String owner,
        Channel channel,
        String eventId,
        String eventType,
        String alertId,
        String stationId,
        Severity severity,
        String payload,
        DeliveryStatus status,
        List<Attempt> attempts,
        int attemptCount,
        int giveUpAfter,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant createdAt,
        Instant completedAt) {

    public static final String COLLECTION = "deliveries";

    public static String idFor(String eventId, String subscriptionId) {
        return UUID.nameUUIDFromBytes((eventId + "\n" + subscriptionId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
