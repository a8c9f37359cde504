package org.zhonglou.registration.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.registration.enrollment.EnrollmentRecord;
import org.zhonglou.registration.enrollment.EnrollmentStore;
import org.zhonglou.registration.seats.SeatLedger;
import org.zhonglou.support.web.ApiProblem;

/**
 * The one synchronous call between services: the notification service looks up whom to tell about an
 * enrollment event, since events carry opaque ids only. SERVICE role only (shared rule for /internal/**).
 */
@RestController
@Tag(name = "Internal", description = "Calls between services (SERVICE role)")
class ContactController {

    private final EnrollmentStore enrollments;
    private final SeatLedger ledger;

    ContactController(EnrollmentStore enrollments, SeatLedger ledger) {
        this.enrollments = enrollments;
        this.ledger = ledger;
    }

    @GetMapping("/internal/enrollments/{id}/contact")
    @Operation(summary = "Guardian contact of an enrollment (SERVICE)")
    Contact contact(@PathVariable String id) {
        EnrollmentRecord record = enrollments.find(id)
                .filter(r -> ledger.status(r.programmeId(), r.id()).placed())
                .orElseThrow(() -> ApiProblem.notFound("No enrollment " + id + "."));
        return new Contact(record.id(), record.guardianId(), record.guardianName(), record.guardianEmail(),
                record.guardianPhone(), record.language());
    }

    record Contact(String enrollmentId, String guardianId, String guardianName, String email, String phone,
                   String language) {
    }
}
