package org.zhonglou.registration.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.registration.enrollment.EnrollmentRecord;
import org.zhonglou.registration.enrollment.EnrollmentRecords;
import org.zhonglou.support.web.ApiProblem;

/**
 * One guardian's phone and e-mail for staff who deliberately asked to see them (the console masks them
 * until then). Each look-up is logged with who looked at which enrollment, ids only, so that reading
 * contacts can be accounted for afterwards.
 */
@RestController
@Tag(name = "Roster", description = "Who comes, for the staff running the programme")
class GuardianContactController {

    private static final Logger LOG = LoggerFactory.getLogger(GuardianContactController.class);

    private final EnrollmentRecords enrollments;

    GuardianContactController(EnrollmentRecords enrollments) {
        this.enrollments = enrollments;
    }

    @GetMapping("/api/enrollments/{id}/contact")
    @Operation(summary = "A guardian's contact, shown on purpose (STAFF; every look-up is logged)")
    ShownContact contact(@PathVariable String id, @AuthenticationPrincipal Jwt staff) {
        EnrollmentRecord record = enrollments.find(id)
                .orElseThrow(() -> ApiProblem.notFound("No enrollment " + id + "."));
        LOG.info("guardian contact shown: enrollment={} programme={} staff={}", record.id(), record.programmeId(),
                staff.getSubject());
        return new ShownContact(record.id(), record.guardianName(), record.guardianPhone(), record.guardianEmail());
    }

    record ShownContact(String enrollmentId, String guardianName, String phone, String email) {
    }
}
