package org.zhonglou.registration.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhonglou.registration.enrollment.EnrollmentRecord;
import org.zhonglou.registration.enrollment.EnrollmentRecords;
import org.zhonglou.registration.seats.Seats;
import org.zhonglou.support.web.ApiProblem;

/**
 * The one synchronous call between services: the notification service looks up whom to tell about an
 * enrollment event, since events carry opaque ids only. SERVICE role only (shared rule for /internal/**).
 * Only enrollments that hold or held a place are known here: a sign-up that never got one has no contact.
 */
@RestController
@Tag(name = "Internal", description = "Calls between services (SERVICE role)")
class ContactController {

    static final int MAX_BATCH = 100;
    private static final Pattern ENROLLMENT_ID = Pattern.compile("enr-[0-9a-f]{1,64}");

    private final EnrollmentRecords enrollments;
    private final Seats ledger;

    ContactController(EnrollmentRecords enrollments, Seats ledger) {
        this.enrollments = enrollments;
        this.ledger = ledger;
    }

    @GetMapping("/internal/enrollments/{id}/contact")
    @Operation(summary = "Guardian contact of an enrollment (SERVICE)")
    Contact contact(@PathVariable String id) {
        EnrollmentRecord record = enrollments.find(id)
                .filter(r -> ledger.status(r.programmeId(), r.id()).placed())
                .orElseThrow(() -> ApiProblem.notFound("No enrollment " + id + "."));
        return Contact.of(record);
    }

    /**
     * Many contacts in one call, for bursts of events (a sign-up rush): one store read for the
     * enrollments and one per programme for their places. Unknown ids are simply not in the answer.
     */
    @PostMapping("/internal/enrollments/contacts")
    @Operation(summary = "Guardian contacts of up to 100 enrollments (SERVICE)")
    Contacts contacts(@Valid @RequestBody ContactQuery query) {
        // An id of another shape cannot exist, and it would become a field name of the ledger projection.
        Set<String> ids = query.enrollmentIds().stream().filter(id -> ENROLLMENT_ID.matcher(id).matches())
                .collect(Collectors.toSet());
        List<EnrollmentRecord> records = enrollments.findAll(ids);
        Set<String> placed = records.stream()
                .collect(Collectors.groupingBy(EnrollmentRecord::programmeId,
                        Collectors.mapping(EnrollmentRecord::id, Collectors.toSet())))
                .entrySet().stream()
                .flatMap(programme -> ledger.placedAmong(programme.getKey(), programme.getValue()).stream())
                .collect(Collectors.toSet());
        return new Contacts(records.stream().filter(r -> placed.contains(r.id())).map(Contact::of).toList());
    }

    record ContactQuery(@NotEmpty @Size(max = MAX_BATCH) List<@NotNull String> enrollmentIds) {
    }

    record Contacts(List<Contact> contacts) {
    }

    record Contact(String enrollmentId, String guardianId, String guardianName, String email, String phone,
                   String language) {

        static Contact of(EnrollmentRecord record) {
            return new Contact(record.id(), record.guardianId(), record.guardianName(), record.guardianEmail(),
                    record.guardianPhone(), record.language());
        }
    }
}
