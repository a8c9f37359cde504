package org.zhonglou.contracts.registration;

import java.time.Instant;

/**
 * Data of every event on {@code registration.enrollments.v1}. Opaque ids only: a child's name or birth
 * date and a guardian's phone or e-mail never travel on Kafka; consumers look contacts up by
 * enrollment id. {@code waitlistPosition} is set only while {@code WAITLISTED}.
 */
public record EnrollmentEvent(
        String enrollmentId,
        String programmeId,
        String guardianId,
        EnrollmentStatus status,
        Integer waitlistPosition,
        Instant occurredAt) {
}
