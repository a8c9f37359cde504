package org.zhonglou.registration.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.zhonglou.registration.enrollment.EnrollmentRecord;
import org.zhonglou.registration.enrollment.EnrollmentRecords;
import org.zhonglou.registration.programme.Programmes;
import org.zhonglou.registration.seats.LedgerMembers;
import org.zhonglou.support.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Roster", description = "Who comes, for the staff running the programme")
class RosterController {

    private final Programmes programmes;
    private final LedgerMembers members;
    private final EnrollmentRecords enrollments;

    RosterController(Programmes programmes, LedgerMembers members, EnrollmentRecords enrollments) {
        this.programmes = programmes;
        this.members = members;
        this.enrollments = enrollments;
    }

    @GetMapping("/api/programmes/{id}/roster")
    @Operation(summary = "Confirmed children and the ordered waitlist, with guardian contacts (STAFF)")
    Roster roster(@PathVariable String id) {
        Programmes.ProgrammeWithCounts programme = programmes.find(id)
                .orElseThrow(() -> ApiProblem.notFound("No programme " + id + "."));
        LedgerMembers.Members ledger = members.of(id);
        List<String> ids = Stream.concat(ledger.confirmed().stream().map(LedgerMembers.Confirmed::enrollmentId),
                ledger.waitlist().stream()).toList();
        Map<String, EnrollmentRecord> records = enrollments.findAll(ids).stream()
                .collect(Collectors.toMap(EnrollmentRecord::id, Function.identity()));
        List<Entry> confirmed = new ArrayList<>();
        for (LedgerMembers.Confirmed seat : ledger.confirmed()) {
            confirmed.add(Entry.of(records.get(seat.enrollmentId()), seat.enrollmentId(), null, seat.confirmedAt()));
        }
        List<Entry> waitlist = new ArrayList<>();
        for (int i = 0; i < ledger.waitlist().size(); i++) {
            String enrollmentId = ledger.waitlist().get(i);
            waitlist.add(Entry.of(records.get(enrollmentId), enrollmentId, i + 1, null));
        }
        return new Roster(id, programme.programme().name(), programme.programme().capacity(),
                programme.programme().waitlistCapacity(), programme.counts().seatsTaken(),
                programme.counts().waitlistLength(), confirmed, waitlist);
    }

    record Roster(String programmeId, String name, int capacity, int waitlistCapacity, int seatsTaken,
                  int waitlistLength, List<Entry> confirmed, List<Entry> waitlist) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String enrollmentId, Integer waitlistPosition, Instant confirmedAt, String childName,
                 LocalDate childDateOfBirth, String guardianId, String guardianName, String phone, String email,
                 String language) {

        /** A record can be missing only after the purge; the place is still listed, without personal data. */
        static Entry of(EnrollmentRecord r, String enrollmentId, Integer position, Instant confirmedAt) {
            if (r == null) {
                return new Entry(enrollmentId, position, confirmedAt, null, null, null, null, null, null, null);
            }
            return new Entry(enrollmentId, position, confirmedAt, r.childName(), r.childDateOfBirth(),
                    r.guardianId(), r.guardianName(), r.guardianPhone(), r.guardianEmail(), r.language());
        }
    }
}
