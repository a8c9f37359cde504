package org.zhonglou.registration.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import org.zhonglou.contracts.registration.EnrollmentStatus;

/** An enrollment as its owner or staff see it; {@code waitlistPosition} only while WAITLISTED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EnrollmentResponse(String id, String programmeId, String guardianId, EnrollmentStatus status,
                          Integer waitlistPosition, Child child, Guardian guardian, Consent consent,
                          Instant createdAt) {

    record Child(String fullName, LocalDate dateOfBirth) {
    }

    record Guardian(String fullName, String phone, String email, String language) {
    }

    record Consent(boolean given, Instant givenAt, String textVersion) {
    }

    static EnrollmentResponse of(EnrollmentView view) {
        EnrollmentRecord r = view.record();
        return new EnrollmentResponse(r.id(), r.programmeId(), r.guardianId(), view.status(),
                view.status() == EnrollmentStatus.WAITLISTED ? view.waitlistPosition() : null,
                new Child(r.childName(), r.childDateOfBirth()),
                new Guardian(r.guardianName(), r.guardianPhone(), r.guardianEmail(), r.language()),
                new Consent(true, r.consentGivenAt(), r.consentTextVersion()), r.createdAt());
    }
}
