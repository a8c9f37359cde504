package org.zhonglou.registration.seats;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.registration.EnrollmentEvent;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.support.outbox.OutboxEvent;

/**
 * Outbox entries for enrollment events. Ids are derived from the enrollment and the transition: each
 * transition happens at most once per enrollment, so the id is unique, and a republished event keeps it.
 */
final class EnrollmentEvents {

    private EnrollmentEvents() {
    }

    public static String eventId(String enrollmentId, String type) {
        return enrollmentId + ":" + type;
    }

    static Document confirmed(String programmeId, SeatClaim claim, Instant now) {
        return entry(EventTypes.ENROLLMENT_CONFIRMED, programmeId, claim.enrollmentId(), claim.guardianId(),
                EnrollmentStatus.CONFIRMED, null, now);
    }

    static Document waitlisted(String programmeId, SeatClaim claim, int position, Instant now) {
        return entry(EventTypes.ENROLLMENT_WAITLISTED, programmeId, claim.enrollmentId(), claim.guardianId(),
                EnrollmentStatus.WAITLISTED, position, now);
    }

    static Document promoted(String programmeId, String enrollmentId, String guardianId, Instant now) {
        return entry(EventTypes.ENROLLMENT_PROMOTED, programmeId, enrollmentId, guardianId,
                EnrollmentStatus.CONFIRMED, null, now);
    }

    static Document cancelled(String programmeId, String enrollmentId, String guardianId, Instant now) {
        return entry(EventTypes.ENROLLMENT_CANCELLED, programmeId, enrollmentId, guardianId,
                EnrollmentStatus.CANCELLED, null, now);
    }

    /** Stored as a plain document with exactly the fields {@code OutboxRelay} reads back. */
    private static Document entry(String type, String programmeId, String enrollmentId, String guardianId,
                                  EnrollmentStatus status, Integer position, Instant now) {
        EnrollmentEvent data = new EnrollmentEvent(enrollmentId, programmeId, guardianId, status, position, now);
        OutboxEvent event = new OutboxEvent(eventId(enrollmentId, type), Topics.REGISTRATION_ENROLLMENTS, type,
                programmeId, now, org.zhonglou.contracts.cloudevents.EventCodec.encodeToString(data));
        return new Document("id", event.id()).append("topic", event.topic()).append("type", event.type())
                .append("key", event.key()).append("time", Date.from(event.time())).append("data", event.data());
    }
}
