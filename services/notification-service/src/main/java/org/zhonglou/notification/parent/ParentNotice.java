package org.zhonglou.notification.parent;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An e-mail owed to a guardian for one enrollment event; {@code _id} is the event id, so a redelivered
 * event creates nothing new. It holds no contact data: the address is looked up at send time and never
 * stored or logged. {@code PENDING} until sent; it waits (and is retried) while registration or the
 * mail relay is down; {@code FAILED} only when registration does not know the enrollment.
 */
@Document(ParentNotice.COLLECTION)
record ParentNotice(
        @Id String eventId,
        String eventType,
        String enrollmentId,
        String programmeId,
        Integer waitlistPosition,
        State state,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant createdAt,
        Instant sentAt) {

    static final String COLLECTION = "parent_notices";

    enum State {
        PENDING,
        SENT,
        FAILED
    }
}
